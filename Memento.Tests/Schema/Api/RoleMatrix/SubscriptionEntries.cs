using static Memento.Tests.Schema.Api.RoleMatrix.Roles;

namespace Memento.Tests.Schema.Api.RoleMatrix;

/// <summary>
/// The matrix rows of the Subscription type, one per field: who may subscribe is who may read the matching query's
/// object. An allowed row passes when the subscription opens (checking its first event where the field sends the
/// current state at once); a refused one must fail at subscribe time with the query's refusal (MatrixCase.RunAsync).
/// </summary>
public static class SubscriptionEntries
{
    private static MatrixEntry S(string field, string operation, string[] allowed,
        Func<MatrixWorld, Dictionary<string, object?>> variables) =>
        new(field, field, operation, allowed, (c, _) => variables(c.World));

    public static IEnumerable<MatrixEntry> All =>
    [
        // As image(id): wt1's readers and the image link's holder.
        S("imageProgress", "subscription($id: Long!) { imageProgress(id: $id) { imageId state progressPercent } }",
            ReadImgWt1, w => Vars.Of(("id", w.ImgWt1))),
        // As category(id): the category's readers (an annotation member reads its category too).
        S("categoryEvents", "subscription($c: Long!) { categoryEvents(categoryId: $c) { change annotationId actor } }",
            ReadKidney, w => Vars.Of(("c", w.WT))),
        // As annotation(id): wt1's readers and its share link's holder.
        S("annotationEvents", "subscription($id: Long!) { annotationEvents(id: $id) { change annotationId actor } }",
            ReadWt1, w => Vars.Of(("id", w.Wt1))),
        // As projectSummary(projectId): Kidney's readers.
        S("projectCounters", "subscription($p: Long!) { projectCounters(id: $p) { projectId participants annotations submitted shared } }",
            ReadKidney, w => Vars.Of(("p", w.Kidney))),
    ];
}
