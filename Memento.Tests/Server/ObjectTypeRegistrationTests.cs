using Memento.Domain.Authorization;
using Memento.Domain.Services.ObjectTypes;
using Memento.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Server;

/// <summary>registerObjectType's rules as the domain keeps them: parents must exist, ids are unique, the list shows the hierarchy.</summary>
public sealed class ObjectTypeRegistrationTests : IDisposable
{
    private readonly MementoAppFactory app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_type_is_registered_under_existing_parents_and_listed_with_them()
    {
        // Registering is for those who manage projects: here a holder of the system-level proadm code.
        var user = await app.CreateUserAsync("typist", "typist's password", isProAdm: true);
        var reader = await app.CreateUserAsync("reader", "reader's password");
        var me = Caller.ForUser(user.Id);
        await using var scope = app.Services.CreateAsyncScope();
        var types = scope.ServiceProvider.GetRequiredService<ObjectTypeService>();
        await types.RegisterAsync(me, "cell", "a cell", null);
        await types.RegisterAsync(me, " nucleus ", "its nucleus", ["cell"]);

        var unknown = await Assert.ThrowsAsync<MementoException>(() => types.RegisterAsync(me, "nucleolus", null, ["organelle"]));
        Assert.Equal((ErrorCode.Validation, "Unknown object type 'organelle'; register it first."), (unknown.Code, unknown.Message));
        var taken = await Assert.ThrowsAsync<MementoException>(() => types.RegisterAsync(me, "cell", null, null));
        Assert.Equal(ErrorCode.Conflict, taken.Code);
        var self = await Assert.ThrowsAsync<MementoException>(() => types.RegisterAsync(me, "loop", null, ["loop"]));
        Assert.Equal(ErrorCode.Validation, self.Code);
        await Assert.ThrowsAsync<MementoException>(() => types.RegisterAsync(Caller.Anonymous, "ghost", null, null));
        var refused = await Assert.ThrowsAsync<MementoException>(() => types.RegisterAsync(Caller.ForUser(reader.Id), "ghost", null, null));
        Assert.Equal(ErrorCode.Forbidden, refused.Code);

        var listed = (await types.ListAsync(me)).Where(t => t.Id is "cell" or "nucleus").ToList();
        Assert.Equal(["cell", "nucleus"], listed.Select(t => t.Id));
        Assert.Equal(["cell"], listed[1].Parents);
        Assert.Equal("its nucleus", listed[1].Description);
    }
}
