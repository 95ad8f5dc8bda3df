using Memento.Domain.Services.Pictures;

namespace Memento.Server.Endpoints.DatasetApi;

public static class DatasetApiServices
{
    /// <summary>Binds <c>Memento:Datasets</c> (the upload project, its visibility, the sign-up switch, the file limit).</summary>
    public static WebApplicationBuilder AddDatasetApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatasetOptions>().Bind(builder.Configuration.GetSection(DatasetOptions.Section))
            .Validate(o => o.MaxUploadBytes > 0, "Memento:Datasets:MaxUploadBytes must be positive.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Project), "Memento:Datasets:Project must name a project.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new Memento.Server.Pages.SignUp.SignUpThrottle(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatasetOptions>>().Value.SignUpsPerHour));
        return builder;
    }
}
