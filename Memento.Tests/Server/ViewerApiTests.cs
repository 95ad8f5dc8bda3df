using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Memento.Domain.Accounts;
using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.ShareLinks;
using Memento.Tests.Browser.Support;
using Memento.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Memento.Tests.Server.TilesTestSupport;

namespace Memento.Tests.Server;

/// <summary>
/// What the viewer reads through /graphql besides the layers: each image's per-channel statistics measured at ingest
/// (auto-adjust's 1st/99th percentiles) and each layer's bit depth (its intensity slider's end), for a member and for
/// an anonymous share-link holder.
/// </summary>
public sealed class ViewerApiTests : IDisposable
{
    private const string Layers = """
        query($a: Long!) { annotation(id: $a) { layers { name kind bitDepth image { bitDepth state
          statistics { channel min max mean p1 p99 } } } } }
        """;

    private static readonly SyntheticImages.Ramp Ramp = new(Horizontal: true, Offset: 1000, Step: 50);
    private readonly MementoAppFactory app = new(new Dictionary<string, string?>(FastPolling));

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Statistics_of_a_known_16_bit_ramp_are_its_true_values_and_the_12_bit_setting_wins_over_the_image()
    {
        var path = SyntheticImages.Save(SyntheticImages.Grey16(600, 400, Ramp), "ramp.png");
        var image = await WaitForIngestAsync(app, (await UploadAsync(app, path)).Id);
        Assert.Equal(ImageProcessingState.Ready, image.State);
        var annotation = await AnnotationWithAsync(image.ProjectId, ("ramp", image.Id, ""), ("camera", image.Id, "bitDepth:12"),
            ("group", null, ""));

        var layers = (await QueryAsync(await AdminClientAsync(), Layers, new { a = annotation }))
            .GetProperty("annotation").GetProperty("layers").EnumerateArray().ToDictionary(l => l.GetProperty("name").GetString()!);

        Assert.Equal(16, layers["ramp"].GetProperty("bitDepth").GetInt32());
        Assert.Equal(12, layers["camera"].GetProperty("bitDepth").GetInt32());
        Assert.Equal(JsonValueKind.Null, layers["group"].GetProperty("bitDepth").ValueKind);
        var channel = Assert.Single(layers["ramp"].GetProperty("image").GetProperty("statistics").EnumerateArray());
        Assert.Equal(0, channel.GetProperty("channel").GetInt32());
        Assert.Equal(1000, channel.GetProperty("min").GetDouble());
        Assert.Equal(Ramp.MaxIn(600, 400), channel.GetProperty("max").GetDouble());
        Assert.Equal(1000 + 50 * 299.5, channel.GetProperty("mean").GetDouble(), 0.5);
        // 1 % of the 600 columns is 6 columns from either end; percentiles from a histogram may be off by a bin or two.
        Assert.InRange(channel.GetProperty("p1").GetDouble(), Ramp.ValueAt(5, 0) - 50, Ramp.ValueAt(6, 0) + 50);
        Assert.InRange(channel.GetProperty("p99").GetDouble(), Ramp.ValueAt(593, 0) - 50, Ramp.ValueAt(594, 0) + 50);
    }

    [Fact]
    public async Task A_real_16_bit_microscopy_image_has_ordered_statistics_and_an_anonymous_share_holder_reads_them()
    {
        var image = await WaitForIngestAsync(app, (await UploadAsync(app, CellProfiler("Colocalization/0_2/site1/R.png"))).Id);
        Assert.Equal(ImageProcessingState.Ready, image.State);
        var annotation = await AnnotationWithAsync(image.ProjectId, ("DAPI", image.Id, ""));
        var token = await ShareAsync(annotation);

        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var shared = await QueryAsync(anonymous, """
            query($t: String!) { sharedItem(token: $t) { annotation { layers { name bitDepth image { bitDepth
              statistics { channel min max mean p1 p99 } } } } } }
            """, new { t = token });
        var layer = Assert.Single(shared.GetProperty("sharedItem").GetProperty("annotation").GetProperty("layers").EnumerateArray());
        Assert.Equal(16, layer.GetProperty("bitDepth").GetInt32());
        var s = Assert.Single(layer.GetProperty("image").GetProperty("statistics").EnumerateArray());
        double V(string name) => s.GetProperty(name).GetDouble();
        Assert.True(V("min") <= V("p1") && V("p1") <= V("mean") && V("mean") <= V("p99") && V("p99") <= V("max"),
            $"statistics out of order: {s}");
        Assert.True(V("max") > 255, "a 16-bit image's statistics are in its own range, not scaled to 8 bits");
    }

    [Fact]
    public async Task An_image_still_processing_has_no_statistics_yet()
    {
        var projectId = await app.WithDbAsync(async db =>
        {
            var project = new Project { Name = "pending", CreatedAt = DateTimeOffset.UtcNow };
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            // Statistics left behind by an earlier file: not shown until the new ingest is READY.
            db.Images.Add(new Image
            {
                ProjectId = project.Id, Name = "busy.png", UploadedAt = DateTimeOffset.UtcNow, State = ImageProcessingState.Processing,
                ChannelStatisticsJson = """{"bitDepth":8,"channels":[{"channel":0,"min":0,"max":9,"mean":1,"p1":0,"p99":9}]}""",
            });
            await db.SaveChangesAsync();
            return project.Id;
        });
        var imageId = await app.WithDbAsync(db => Task.FromResult(db.Images.Single(i => i.ProjectId == projectId).Id));
        var data = await QueryAsync(await AdminClientAsync(), "query($i: Long!) { image(id: $i) { state statistics { p99 } } }", new { i = imageId });
        Assert.Equal("PROCESSING", data.GetProperty("image").GetProperty("state").GetString());
        Assert.Empty(data.GetProperty("image").GetProperty("statistics").EnumerateArray());
    }

    private async Task<long> AnnotationWithAsync(long projectId, params (string Name, long? Image, string Settings)[] layers) =>
        await app.WithDbAsync(async db =>
        {
            var category = new Category { ProjectId = projectId, Name = "cells", CreatedAt = DateTimeOffset.UtcNow };
            db.Categories.Add(category);
            await db.SaveChangesAsync();
            var annotation = new Annotation { CategoryId = category.Id, Name = "a1", CreatedAt = DateTimeOffset.UtcNow };
            db.Annotations.Add(annotation);
            await db.SaveChangesAsync();
            var sequence = 1;
            foreach (var (name, image, settings) in layers)
                db.Layers.Add(new Layer
                {
                    AnnotationId = annotation.Id, Name = name, Kind = image is null ? LayerKind.Group : LayerKind.Image,
                    ImageId = image, Settings = settings, Sequence = sequence++, CreatedAt = DateTimeOffset.UtcNow,
                });
            await db.SaveChangesAsync();
            return annotation.Id;
        });

    private async Task<string> ShareAsync(long annotation)
    {
        var admin = await app.CreateUserAsync("sharer", "sharer's password", isSysAdmin: true);
        await using var scope = app.Services.CreateAsyncScope();
        var link = await scope.ServiceProvider.GetRequiredService<ShareLinkService>()
            .CreateAsync(Caller.ForUser(admin.Id, isSysAdmin: true), annotation, null);
        return link.Token;
    }

    private async Task<HttpClient> AdminClientAsync()
    {
        var user = await app.CreateUserAsync("admin-" + Guid.NewGuid().ToString("N")[..6], "admin's password 1", isSysAdmin: true);
        await using var scope = app.Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateApiTokenAsync(user.Id, "test");
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static async Task<JsonElement> QueryAsync(HttpClient client, string query, object variables)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query, variables });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        return body.GetProperty("data");
    }
}
