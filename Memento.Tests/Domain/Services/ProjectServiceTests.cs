using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.Domain.Services.Projects;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Domain.Services;

public sealed class ProjectServiceTests : ServiceTestBase
{
    [Fact]
    public async Task GetOrCreate_returns_the_same_project_every_time_and_only_creates_it_once()
    {
        var alice = World.As("owner"); // a project creator (system-level proadm)
        using var request = World.NewRequest();
        var (first, created) = await request.Projects.GetOrCreateAsync(alice, "  Kidney_2026 ");
        var (second, createdAgain) = await request.Projects.GetOrCreateAsync(alice, "Kidney_2026");
        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal("Kidney_2026", first.Name);
        Assert.Equal(World.Users["owner"], first.OwnerId);
    }

    [Fact]
    public async Task Parallel_imports_calling_getOrCreate_end_with_one_project_and_one_category()
    {
        var alice = World.As("sysadm");
        var ids = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var request = World.NewRequest();
            var (project, _) = await request.Projects.GetOrCreateAsync(alice, "Parallel");
            var (category, _) = await request.Categories.GetOrCreateAsync(alice, project.Id, "WT");
            return (project.Id, category.Id);
        }));
        Assert.Single(ids.Distinct());
        await using var db = World.NewContext();
        Assert.Equal(1, await db.Projects.CountAsync(p => p.Name == "Parallel"));
    }

    [Fact]
    public async Task Creating_a_name_the_caller_already_owns_is_a_conflict_and_a_blank_name_is_invalid()
    {
        using var request = World.NewRequest();
        var conflict = await Assert.ThrowsAsync<MementoException>(() =>
            request.Projects.CreateAsync(World.As("owner"), "Kidney"));
        Assert.Equal(ErrorCode.Conflict, conflict.Code);
        Assert.Equal(ProjectMessages.YouAlreadyHave("Kidney"), conflict.Message);
        var blank = await Assert.ThrowsAsync<MementoException>(() => request.Projects.CreateAsync(World.As("sysadm"), "  "));
        Assert.Equal(ErrorCode.Validation, blank.Code);
        Assert.Equal("name", blank.Field);
    }

    [Fact]
    public async Task Names_are_unique_per_owner_so_another_user_may_create_the_same_name()
    {
        using var request = World.NewRequest();
        var sysadms = await request.Projects.CreateAsync(World.As("sysadm"), "Kidney");
        Assert.NotEqual(World.Kidney, sysadms.Id);
        Assert.Equal(World.Users["sysadm"], sysadms.OwnerId);
        // The sysadm sees both; a look-up by name prefers the caller's own.
        Assert.Equal(sysadms.Id, (await request.Projects.FindByNameAsync(World.As("sysadm"), "Kidney"))!.Id);
        Assert.Equal(World.Kidney, (await request.Projects.FindByNameAsync(World.As("proadm"), "Kidney"))!.Id);
    }

    [Fact]
    public async Task The_callers_project_list_holds_projects_with_any_role_inside_and_public_ones()
    {
        using var request = World.NewRequest();
        Assert.Equal(["Kidney", "Open"], await request.Projects.ListMine(World.As("annvie")).Select(p => p.Name).ToListAsync());
        Assert.Equal(["Open"], await request.Projects.ListMine(World.As("outsider")).Select(p => p.Name).ToListAsync());
        Assert.Empty(await request.Projects.ListMine(Caller.Anonymous).ToListAsync());
    }

    [Fact]
    public async Task Deleting_a_project_removes_its_content_and_the_roles_given_inside_it()
    {
        using (var request = World.NewRequest())
            await request.Projects.DeleteAsync(World.As("proadm"), World.Kidney);
        await using var db = World.NewContext();
        Assert.False(await db.Categories.AnyAsync(c => c.ProjectId == World.Kidney));
        Assert.False(await db.Annotations.AnyAsync(a => a.Id == World.Wt1));
        Assert.False(await db.Permissions.AnyAsync(p => p.Role == PermissionRole.CatPar || p.Role == PermissionRole.AnnVie));
        Assert.True(await db.Projects.AnyAsync(p => p.Id == World.Open));
    }

    [Fact]
    public async Task Renaming_to_a_name_the_owner_already_uses_is_a_conflict_and_changes_nothing()
    {
        using (var setup = World.NewRequest())
            await setup.Projects.CreateAsync(World.As("owner"), "Liver");
        using var request = World.NewRequest();
        var byOwner = await Assert.ThrowsAsync<MementoException>(() => request.Projects.RenameAsync(World.As("owner"), World.Kidney, "Liver"));
        var byAdmin = await Assert.ThrowsAsync<MementoException>(() => request.Projects.RenameAsync(World.As("sysadm"), World.Kidney, "Liver"));
        Assert.Equal((ErrorCode.Conflict, ProjectMessages.YouAlreadyHave("Liver")), (byOwner.Code, byOwner.Message));
        Assert.Equal((ErrorCode.Conflict, ProjectMessages.OwnerAlreadyHas("Liver")), (byAdmin.Code, byAdmin.Message));
        using var again = World.NewRequest();
        Assert.Equal("Kidney", (await again.Projects.GetAsync(World.As("sysadm"), World.Kidney)).Name);
        // "Open" has no owner, so Kidney may take its name.
        Assert.Equal("Open", (await again.Projects.RenameAsync(World.As("owner"), World.Kidney, "Open")).Name);
    }
}
