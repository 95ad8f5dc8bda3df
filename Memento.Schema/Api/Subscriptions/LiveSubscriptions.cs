using Memento.Domain.Authorization;
using Memento.Domain.Events;
using Memento.Domain.Services.Annotations;
using Memento.Domain.Services.Categories;
using Memento.Domain.Services.Images;
using Memento.Domain.Services.Reports;
using Memento.Domain.Services.ShareLinks;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Schema.Api.Subscriptions;

/// <summary>
/// Live views over the domain's events (<see cref="IEventHub"/>). Each field checks the caller as the matching
/// query does when subscribing (NOT_FOUND / FORBIDDEN / UNAUTHENTICATED), subscribes to the hub before reading any
/// current state (so no change falls between the two), and checks again at every event through
/// <see cref="LiveAccess"/>: once the caller may no longer read what it follows, the stream ends with that
/// refusal.
/// </summary>
public sealed class LiveSubscriptions
{
    /// <summary>The image's processing state and progress: the current one at once, then every change.</summary>
    public async Task<IAsyncEnumerable<ImageProgress>> ImageProgress(long id, IResolveContext context, ImageService images,
        IEventHub hub, IServiceScopeFactory scopes, TimeProvider clock)
    {
        var caller = ApiCaller.Of(context);
        var ct = context.CancellationToken;
        var projectId = (await images.GetAsync(caller, id, ct)).ProjectId;
        var events = hub.Subscribe<DomainEvent>(e => e is ImageProgressChanged p ? p.ImageId == id
            : e is AccessChanged a && a.Concerns(projectId), ct);
        var current = await images.GetAsync(caller, id, ct);
        var access = new LiveAccess(scopes, caller, clock);
        return Stream();

        async IAsyncEnumerable<ImageProgress> Stream()
        {
            yield return new ImageProgress(id, current.State, current.ProgressPercent);
            await foreach (var e in events)
            {
                if (e is AccessChanged) access.Forget();
                if (!await access.MayReadAsync(ReadScope.Image, id, ct)) throw await access.RefusalAsync(ReadScope.Image, id, ct);
                if (e is ImageProgressChanged p) yield return new ImageProgress(id, p.State, p.ProgressPercent);
            }
        }
    }

    /// <summary>Changes on the annotations of a category the caller may see (the viewer's sidebar badges and panels).</summary>
    public async Task<IAsyncEnumerable<AnnotationEvent>> CategoryEvents(long categoryId, IResolveContext context,
        CategoryService categories, IEventHub hub, IServiceScopeFactory scopes, TimeProvider clock)
    {
        var caller = ApiCaller.Of(context);
        var ct = context.CancellationToken;
        var projectId = (await categories.GetAsync(caller, categoryId, ct)).ProjectId;
        var events = hub.Subscribe<DomainEvent>(e => e is AnnotationChanged a ? a.CategoryId == categoryId
            : e is AccessChanged x && x.Concerns(projectId), ct);
        var access = new LiveAccess(scopes, caller, clock);
        return Stream();

        async IAsyncEnumerable<AnnotationEvent> Stream()
        {
            await foreach (var e in events)
            {
                if (e is AccessChanged)
                {
                    access.Forget();
                    if (!await access.MayReadAsync(ReadScope.Category, categoryId, ct))
                        throw await access.RefusalAsync(ReadScope.Category, categoryId, ct);
                }
                // Within a category an annotation participant reads only its own annotations: checked one by one.
                else if (e is AnnotationChanged a && await access.MayReadAsync(ReadScope.Annotation, a.AnnotationId, ct))
                    yield return Event(a, caller);
            }
        }
    }

    /// <summary>Changes on one annotation; a share-link holder gives its token instead of signing in.</summary>
    public async Task<IAsyncEnumerable<AnnotationEvent>> AnnotationEvents(long id, string? shareToken, IResolveContext context,
        AnnotationService annotations, ShareLinkService links, IEventHub hub, IServiceScopeFactory scopes, TimeProvider clock)
    {
        var caller = ApiCaller.Of(context);
        var ct = context.CancellationToken;
        if (shareToken is not null && await links.ResolveAsync(shareToken, ct) is { } link)
        {
            // As sharedItem(token): the link's holder for the rest of the subscription, every event included.
            caller = caller.Holding(link);
            context.RequestItems[ApiCaller.Key] = caller;
        }
        var projectId = (await annotations.GetAsync(caller, id, ct)).ProjectId;
        var events = hub.Subscribe<DomainEvent>(e => e is AnnotationChanged a ? a.AnnotationId == id
            : e is AccessChanged x && x.Concerns(projectId), ct);
        var access = new LiveAccess(scopes, caller, clock);
        return Stream();

        async IAsyncEnumerable<AnnotationEvent> Stream()
        {
            await foreach (var e in events)
            {
                if (e is AccessChanged) access.Forget();
                // A revoked or expired link, or a revoked member, ends the stream with the refusal.
                if (!await access.MayReadAsync(ReadScope.Annotation, id, ct))
                    throw await access.RefusalAsync(ReadScope.Annotation, id, ct);
                if (e is AnnotationChanged a) yield return Event(a, caller);
            }
        }
    }

    /// <summary>The project editor's counters: the current ones at once, then after every change.</summary>
    public async Task<IAsyncEnumerable<ProjectCounters>> ProjectCounters(long id, IResolveContext context,
        ReportService reports, IEventHub hub, IServiceScopeFactory scopes)
    {
        var caller = ApiCaller.Of(context);
        var ct = context.CancellationToken;
        await reports.SummaryAsync(caller, id, ct); // the project(id) refusals before anything is subscribed
        var events = hub.Subscribe<DomainEvent>(e => e is ProjectCountersChanged c ? c.ProjectId == id
            : e is AccessChanged x && x.Concerns(id), ct);
        var first = Counters(id, await reports.SummaryAsync(caller, id, ct));
        return Stream();

        async IAsyncEnumerable<ProjectCounters> Stream()
        {
            yield return first;
            await foreach (var _ in events)
            {
                // Counted as the caller sees the project: one summary per change, in its own scope, which also
                // refuses a caller who lost access (and so ends the stream).
                await using var scope = scopes.CreateAsyncScope();
                var summary = await scope.ServiceProvider.GetRequiredService<ReportService>().SummaryAsync(caller, id, ct);
                yield return Counters(id, summary);
            }
        }
    }

    private static ProjectCounters Counters(long projectId, ProjectSummary s) =>
        new(projectId, s.TotalParticipants, s.TotalAnnotations, s.TotalAnnotationsSubmitted, s.TotalAnnotationsShared);

    // Members' names are shown to signed-in readers, as comments show their authors; not to share-link visitors.
    private static AnnotationEvent Event(AnnotationChanged a, Caller caller) =>
        new(a.Change, a.AnnotationId, a.CategoryId, a.LayerId, a.LayerVersion, caller.IsUser ? a.ActorName : null);
}
