using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.Categories;
using Memento.Domain.Services.Classifications;
using Memento.Domain.Services.Images;
using Memento.Domain.Services.Labels;
using Memento.Domain.Services.Permissions;
using Memento.Domain.Services.Projects;
using Memento.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Server.Pages;

/// <summary>
/// One in-process server with a project and one user per kind of caller: its owner, a proadm, a participant, a
/// viewer, an outsider and a sysadm. Everything inside the project carries a "secret" name, so a refused response
/// can be searched for anything private.
/// </summary>
public sealed class ProjectEditorScene : IAsyncLifetime
{
    public const string Password = "project editor password";
    public const string ProjectName = "Kidney secret-project";
    public const string LabelName = "secret-label";
    public const string ClassificationName = "secret-grade";
    public const string CategoryName = "secret-category";
    public const string ImageName = "secret-image";
    public static readonly string[] Private = [ProjectName, LabelName, ClassificationName, CategoryName, ImageName];

    public MementoAppFactory App { get; } = new();
    public Dictionary<string, long> Users { get; } = [];
    public long ProjectId { get; private set; }
    public long LabelId { get; private set; }
    public long ClassificationId { get; private set; }
    public long ImageId { get; private set; }

    public async Task InitializeAsync()
    {
        foreach (var name in new[] { "owner", "proadm", "propar", "provie", "outsider", "sysadm" })
            Users[name] = (await App.CreateUserAsync(name, Password, isSysAdmin: name == "sysadm", isProAdm: name == "owner")).Id;
        var owner = Caller.ForUser(Users["owner"]);
        await using var scope = App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        ProjectId = (await services.GetRequiredService<ProjectService>().CreateAsync(owner, ProjectName)).Id;
        var permissions = services.GetRequiredService<PermissionService>();
        await permissions.GrantAsync(owner, Users["proadm"], PermissionRole.ProAdm, ProjectId);
        await permissions.GrantAsync(owner, Users["propar"], PermissionRole.ProPar, ProjectId);
        await permissions.GrantAsync(owner, Users["provie"], PermissionRole.ProVie, ProjectId);
        LabelId = (await services.GetRequiredService<LabelService>().CreateAsync(owner, ProjectId, LabelName)).Id;
        ClassificationId = (await services.GetRequiredService<ClassificationService>().CreateAsync(owner, ProjectId, ClassificationName)).Id;
        await services.GetRequiredService<CategoryService>().CreateAsync(owner, ProjectId, CategoryName);
        ImageId = (await services.GetRequiredService<ImageService>().CreateAsync(owner, ProjectId, ImageName, 1, "E",
            "https://example.org/secret.png")).Id;
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }

    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
