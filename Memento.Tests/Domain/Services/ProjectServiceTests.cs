using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Domain.Services;

public sealed class ProjectServiceTests : ServiceTestBase
{
    [Fact]
    public async Task GetOrCreate_returns_the_same_project_every_time_and_only_creates_it_once()
    {
        var alice = World.As("outsider");
        using var request = World.NewRequest();
        var (first, created) = await request.Projects.GetOrCreateAsync(alice, "  Kidney_2026 ");
        var (second, createdAgain) = await request.Projects.GetOrCreateAsync(alice, "Kidney_2026");
        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal("Kidney_2026", first.Name);
        Assert.Equal(World.Users["outsider"], first.OwnerId);
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
    public async Task Creating_a_duplicate_name_is_a_conflict_and_a_blank_name_is_invalid()
    {
        using var request = World.NewRequest();
        var conflict = await Assert.ThrowsAsync<MementoException>(() =>
            request.Projects.CreateAsync(World.As("sysadm"), "Kidney"));
        Assert.Equal(ErrorCode.Conflict, conflict.Code);
        var blank = await Assert.ThrowsAsync<MementoException>(() => request.Projects.CreateAsync(World.As("sysadm"), "  "));
        Assert.Equal(ErrorCode.Validation, blank.Code);
        Assert.Equal("name", blank.Field);
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
    public async Task Renaming_to_another_projects_name_is_a_conflict_and_changes_nothing()
    {
        using var request = World.NewRequest();
        var e = await Assert.ThrowsAsync<MementoException>(() => request.Projects.RenameAsync(World.As("sysadm"), World.Kidney, "Open"));
        Assert.Equal(ErrorCode.Conflict, e.Code);
        using var again = World.NewRequest();
        Assert.Equal("Kidney", (await again.Projects.GetAsync(World.As("sysadm"), World.Kidney)).Name);
    }
}
