using Memento.Domain.Accounts;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Support;

/// <summary>Arrange steps that go straight to the services, for what a test is not about.</summary>
public static class MementoAppFactoryExtensions
{
    /// <param name="isProAdm">Holds the system-level proadm code: may create projects.</param>
    public static async Task<User> CreateUserAsync(this MementoAppFactory app, string userName, string password,
        bool isSysAdmin = false, bool isProAdm = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateUserAsync(userName, password, isSysAdmin);
        if (isProAdm)
        {
            user.IsProAdm = true;
            await scope.ServiceProvider.GetRequiredService<MementoDbContext>().SaveChangesAsync();
        }
        return user;
    }

    public static async Task<T> WithDbAsync<T>(this MementoAppFactory app, Func<MementoDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MementoDbContext>());
    }

    public static Task<User> FindUserAsync(this MementoAppFactory app, string userName) =>
        app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.NormalizedUserName == User.Normalize(userName)));
}
