using System.Text.Json;
using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.Classifications;
using Memento.Domain.Services.Layers;
using Memento.Domain.Services.Regions;
using Memento.Domain.Data;
using Memento.Tests.Domain.Services.Support;
using Memento.Tests.Support;

namespace Memento.Tests.Domain.Services;

/// <summary>
/// Every role against every service operation: allowed, or refused with FORBIDDEN / UNAUTHENTICATED and no result.
/// One world per role; operations run in order, each making its own throwaway objects (as sysadm) when it needs
/// them, and the project delete runs last.
/// </summary>
public sealed class RoleMatrixTests
{
    private static readonly string[] Admins = ["sysadm", "owner", "proadm"];
    private static readonly string[] PartWt1 = [.. Admins, "propar", "catpar", "annpar"];
    private static readonly string[] ReadProject = [.. PartWt1, "provie", "catvie", "annvie"];
    private static readonly string[] ReadWt1 = [.. ReadProject, "share"];
    private static readonly string[] PartKo1 = [.. Admins, "propar"];
    private static readonly string[] ReadKo1 = [.. PartKo1, "provie"];
    private static readonly string[] SignedIn = [.. ReadProject, "outsider"];

    private sealed record Operation(string Name, string[] Allowed, Func<ServiceWorld, Request, Caller, Task> Run);

    private static readonly JsonElement Square =
        JsonDocument.Parse("""[{"x":1,"y":1},{"x":5,"y":1},{"x":5,"y":5}]""").RootElement;

    private static int counter;
    private static string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref counter)}";

    private static readonly Operation[] Operations =
    [
        new("project.get", ReadProject, (w, r, c) => r.Projects.GetAsync(c, w.Kidney)),
        // System administrators and holders of the system-level proadm code (owner); a project's proadm is not one.
        new("project.create", ["sysadm", "owner"], (w, r, c) => r.Projects.CreateAsync(c, Unique("P"))),
        new("project.rename", Admins, (w, r, c) => r.Projects.RenameAsync(c, w.Kidney, "Kidney")),
        new("project.settings", Admins, (w, r, c) => r.Projects.SetSettingsAsync(c, w.Kidney, "darkmode:1")),
        new("category.get WT", ReadProject, (w, r, c) => r.Categories.GetAsync(c, w.WT)),
        new("category.get KO", ReadKo1, (w, r, c) => r.Categories.GetAsync(c, w.KO)),
        new("category.list", ReadProject, (w, r, c) => r.Categories.ListAsync(c, w.Kidney)),
        new("category.create", Admins, (w, r, c) => r.Categories.CreateAsync(c, w.Kidney, Unique("C"))),
        new("category.getOrCreate existing", ReadProject, (w, r, c) => r.Categories.GetOrCreateAsync(c, w.Kidney, "WT")),
        new("category.getOrCreate new", Admins, (w, r, c) => r.Categories.GetOrCreateAsync(c, w.Kidney, Unique("C"))),
        new("category.delete", Admins, async (w, r, c) =>
        {
            var tmp = await r.Categories.CreateAsync(w.As("sysadm"), w.Kidney, Unique("tmp"));
            await r.Categories.DeleteAsync(c, tmp.Id);
        }),
        new("annotation.get wt1", ReadWt1, (w, r, c) => r.Annotations.GetAsync(c, w.Wt1)),
        new("annotation.get ko1", ReadKo1, (w, r, c) => r.Annotations.GetAsync(c, w.Ko1)),
        new("annotation.create", Admins, (w, r, c) => r.Annotations.CreateAsync(c, w.WT, Unique("a"),
            new LayerSpec("DAPI", LayerKind.Image, w.ImgWt1))),
        new("annotation.submit wt1", PartWt1, (w, r, c) => r.Annotations.SubmitAsync(c, w.Wt1)),
        new("annotation.submit ko1", PartKo1, (w, r, c) => r.Annotations.SubmitAsync(c, w.Ko1)),
        new("annotation.labels get", ReadWt1, (w, r, c) => r.Annotations.GetLabelsAsync(c, w.Wt1)),
        new("annotation.labels set", PartWt1, async (w, r, c) =>
        {
            await r.Labels.GetOrCreateAsync(w.As("sysadm"), w.Kidney, "positive");
            await r.Annotations.SetLabelsAsync(c, w.Wt1, ["positive"]);
        }),
        new("annotation.delete", Admins, async (w, r, c) =>
        {
            var tmp = await r.Annotations.CreateAsync(w.As("sysadm"), w.WT, Unique("tmp"),
                new LayerSpec("g", LayerKind.Group));
            await r.Annotations.DeleteAsync(c, tmp.Annotation.Id);
        }),
        new("layer.list wt1", ReadWt1, (w, r, c) => r.Layers.ListAsync(c, w.Wt1)),
        new("layer.create drawing", PartWt1, (w, r, c) =>
            r.Layers.CreateAsync(c, w.Wt1, new LayerSpec(Unique("roi"), LayerKind.Drawing))),
        new("layer.create image", Admins, (w, r, c) =>
            r.Layers.CreateAsync(c, w.Wt1, new LayerSpec(Unique("GFP"), LayerKind.Image, w.ImgWt1))),
        new("layer.edit image layer", Admins, (w, r, c) => r.Layers.EditAsync(c, w.LayerWt1, new LayerEdit(Settings: "bitDepth:12"))),
        new("region.save on own drawing", PartWt1, async (w, r, c) =>
        {
            var layer = await r.Layers.CreateAsync(c, w.Wt1, new LayerSpec(Unique("roi"), LayerKind.Drawing));
            await r.Regions.SaveAsync(c, layer.Id, [new RegionInput("polygon", Square)]);
        }),
        new("comment.list", ReadWt1, (w, r, c) => r.Comments.ListAsync(c, w.LayerWt1)),
        new("comment.add", PartWt1, (w, r, c) => r.Comments.AddAsync(c, w.LayerWt1, "looks good")),
        new("label.list", ReadProject, (w, r, c) => r.Labels.ListAsync(c, w.Kidney)),
        new("label.create", Admins, (w, r, c) => r.Labels.CreateAsync(c, w.Kidney, Unique("l"))),
        new("classification.create", Admins, (w, r, c) => r.Classifications.CreateAsync(c, w.Kidney, Unique("grade"))),
        new("classification.link", Admins, async (w, r, c) =>
        {
            await r.Classifications.GetOrCreateAsync(w.As("sysadm"), w.Kidney, "Grade");
            await r.Classifications.SetForCategoryAsync(c, w.WT, ["Grade"]);
        }),
        new("classification.classify wt1", PartWt1, async (w, r, c) =>
        {
            var (grade, _) = await r.Classifications.GetOrCreateAsync(w.As("sysadm"), w.Kidney, "Grade");
            await r.Classifications.SetForCategoryAsync(w.As("sysadm"), w.WT, ["Grade"]);
            await r.Classifications.ClassifyAsync(c, w.Wt1, [new ClassificationPick(grade.Id, "2")]);
        }),
        new("image.get wt1", ReadWt1, (w, r, c) => r.Images.GetAsync(c, w.ImgWt1)),
        new("image.get ko1", ReadKo1, (w, r, c) => r.Images.GetAsync(c, w.ImgKo1)),
        new("image.create external", Admins, (w, r, c) =>
            r.Images.CreateAsync(c, w.Kidney, Unique("ext"), 1, "E", "https://example.org/a.png")),
        new("permission.grant", Admins, (w, r, c) =>
            r.Permissions.GrantAsync(c, w.Users["outsider"], PermissionRole.CatVie, w.KO)),
        new("permission.list", Admins, (w, r, c) => r.Permissions.ListAsync(c, RoleScope.Project, w.Kidney)),
        new("permission.grant sysadm", ["sysadm"], (w, r, c) =>
            r.Permissions.GrantAsync(c, w.Users["outsider"], PermissionRole.SysAdm, null)),
        new("share.create wt1", PartWt1, (w, r, c) => r.ShareLinks.CreateAsync(c, w.Wt1, null)),
        new("report.summary", ReadProject, (w, r, c) => r.Reports.SummaryAsync(c, w.Kidney)),
        new("report.data", ReadProject, (w, r, c) => r.Reports.DataAsync(c, w.Kidney)),
        new("report.rois", ReadProject, (w, r, c) => r.Reports.RoisAsync(c, w.Kidney)),
        new("report.comments", ReadProject, (w, r, c) => r.Reports.CommentsAsync(c, w.Kidney)),
        new("project.delete", Admins, (w, r, c) => r.Projects.DeleteAsync(c, w.Kidney)),
    ];

    [Theory]
    [InlineData("anonymous")]
    [InlineData("share")]
    [InlineData("outsider")]
    [InlineData("sysadm")]
    [InlineData("owner")]
    [InlineData("proadm")]
    [InlineData("propar")]
    [InlineData("provie")]
    [InlineData("catpar")]
    [InlineData("catvie")]
    [InlineData("annpar")]
    [InlineData("annvie")]
    public async Task Each_role_is_allowed_exactly_its_operations(string role)
    {
        await using var world = await ServiceWorld.CreateAsync();
        var caller = await CallerFor(world, role);
        var wrong = new List<string>();
        foreach (var operation in Operations)
        {
            using var request = world.NewRequest();
            var expected = operation.Allowed.Contains(role);
            try
            {
                await operation.Run(world, request, caller);
                if (!expected) wrong.Add($"{operation.Name}: allowed, expected a refusal");
            }
            catch (MementoException e) when (e.Code is ErrorCode.Forbidden or ErrorCode.Unauthenticated)
            {
                if (expected) wrong.Add($"{operation.Name}: refused ({e.Code}: {e.Message}), expected allowed");
            }
            catch (Exception e)
            {
                wrong.Add($"{operation.Name}: {e.GetType().Name}: {e.Message}");
            }
        }
        Assert.True(wrong.Count == 0, $"{role}:\n" + string.Join("\n", wrong));
    }

    /// <summary>The confinement of narrow roles holds on every database Memento supports (PostgreSQL when configured).</summary>
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Narrow_roles_are_confined_on_every_database(DatabaseProvider provider)
    {
        foreach (var role in new[] { "catpar", "annvie", "share" })
        {
            await using var world = await ServiceWorld.CreateAsync(provider);
            var caller = await CallerFor(world, role);
            foreach (var operation in Operations)
            {
                using var request = world.NewRequest();
                var refused = await Record.ExceptionAsync(() => operation.Run(world, request, caller));
                if (operation.Allowed.Contains(role)) Assert.True(refused is null, $"{role} {operation.Name}: {refused}");
                else Assert.True(refused is MementoException { Code: ErrorCode.Forbidden or ErrorCode.Unauthenticated },
                    $"{role} {operation.Name}: {refused?.ToString() ?? "allowed"}");
            }
        }
    }

    private static async Task<Caller> CallerFor(ServiceWorld world, string role)
    {
        if (role != "share") return world.As(role);
        using var request = world.NewRequest();
        var link = await request.ShareLinks.CreateAsync(world.As("sysadm"), world.Wt1, null);
        return (await request.ShareLinks.ResolveAsync(link.Token))!;
    }
}
