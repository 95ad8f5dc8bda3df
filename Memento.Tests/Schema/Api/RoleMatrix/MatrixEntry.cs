namespace Memento.Tests.Schema.Api.RoleMatrix;

/// <summary>
/// One row of the role matrix: a GraphQL operation on one root field of the served schema, its variables (built
/// from the world, and from the caller when a caller acts on something of their own), and the callers allowed.
/// Every other caller is refused: FORBIDDEN for signed-in users, UNAUTHENTICATED for anonymous callers, and for
/// <see cref="Hidden"/> callers the documented "null when you cannot see it" answer of name look-ups.
/// </summary>
public sealed record MatrixEntry(string Name, string Field, string Operation, string[] Allowed,
    Func<MatrixCase, string, Dictionary<string, object?>> Variables)
{
    /// <summary>Callers who get null and no error: a look-up by name must not reveal that the name exists.</summary>
    public string[] Hidden { get; init; } = [];

    /// <summary>
    /// Signed-in callers told NOT_FOUND instead of FORBIDDEN: the dataset surfaces answer a picture the caller cannot
    /// search exactly like a missing one.
    /// </summary>
    public string[] NotFound { get; init; } = [];

    /// <summary>
    /// The marker strings this caller must never see in this entry's response, allowed or not. Defaults to
    /// <see cref="Roles.Unseen"/>; entries whose operation itself grants access (a share token) override it.
    /// </summary>
    public Func<string, string[]> Unseen { get; init; } = Roles.Unseen;

    /// <summary>
    /// Whether an allowed run of this mutation changes the database. False for idempotent calls on what exists
    /// (getOrCreate of an existing name) and for ending a cookie session, which must leave every row as it was.
    /// </summary>
    public bool Writes { get; init; } = true;

    /// <summary>
    /// Whether an allowed run by this caller changes the database, where that depends on the caller (getOrCreate
    /// of a name that exists only out of some callers' sight); null: <see cref="Writes"/> for everyone.
    /// </summary>
    public Func<string, bool>? WritesFor { get; init; }

    public bool WritesAs(string caller) => WritesFor?.Invoke(caller) ?? Writes;

    public bool IsMutation => Operation.TrimStart().StartsWith("mutation", StringComparison.Ordinal);

    public override string ToString() => Name;
}

/// <summary>The caller groups of the manual's permission section, applied to the world's fixed scopes.</summary>
public static class Roles
{
    public static readonly string[] Everyone = MatrixWorld.Callers;
    public static readonly string[] SignedIn = Everyone.Without("anonymous", "share", "image link", "revoked link");
    /// <summary>System administrators, by role code or by account flag: "sysadm: everything".</summary>
    public static readonly string[] SysAdm = ["sysadm", "admin"];
    /// <summary>Administer Kidney: system administrators, its creator and its proadm.</summary>
    public static readonly string[] Admins = [.. SysAdm, "owner", "proadm"];
    /// <summary>Create projects: system administrators and holders of the system-level proadm code (owner).</summary>
    public static readonly string[] Creators = [.. SysAdm, "owner"];
    /// <summary>Manage projects (may create one or administer one): the user search of the participant pickers.</summary>
    public static readonly string[] Managers = [.. Admins];
    /// <summary>Take part in wt1: label, classify, submit, comment, draw.</summary>
    public static readonly string[] PartWt1 = [.. Admins, "propar", "catpar", "annpar"];
    /// <summary>Read Kidney itself (project-level vocabulary, reports over what they see).</summary>
    public static readonly string[] ReadKidney = [.. PartWt1, "provie", "catvie", "annvie"];
    /// <summary>Read wt1, its layers, comments, regions and image: also the holder of wt1's share link.</summary>
    public static readonly string[] ReadWt1 = [.. ReadKidney, "share"];
    /// <summary>Take part in ko1, in the sibling category: only project-wide participants.</summary>
    public static readonly string[] PartKo1 = [.. Admins, "propar"];
    /// <summary>Read ko1: project-wide readers only, never WT's or wt1's members.</summary>
    public static readonly string[] ReadKo1 = [.. PartKo1, "provie"];
    /// <summary>Read wt1's image: wt1's readers and the holder of a link to that image alone.</summary>
    public static readonly string[] ReadImgWt1 = [.. ReadWt1, "image link"];
    /// <summary>Change the drawing layer of wt1 that annpar owns: its owner and the project's administrators.</summary>
    public static readonly string[] DrawWt1 = [.. Admins, "annpar"];
    /// <summary>Find Kidney's pictures through the dataset surfaces: its whole-project readers (never category- or
    /// annotation-scoped members).</summary>
    public static readonly string[] SearchKidney = [.. Admins, "propar", "provie"];
    /// <summary>Signed in but not searching Kidney: its pictures are NOT_FOUND to them.</summary>
    public static readonly string[] NotSearchingKidney = ["outsider", "catpar", "catvie", "annpar", "annvie"];

    /// <summary>
    /// What each caller may never see anywhere: nothing of Kidney for outsiders, nothing of KO for WT's members,
    /// nothing of KO or wt2 for wt1's members and its share link.
    /// </summary>
    public static string[] Unseen(string caller) => caller switch
    {
        "anonymous" or "outsider" or "revoked link" => [MatrixWorld.Private],
        "catpar" or "catvie" => [MatrixWorld.SiblingCategory],
        "annpar" or "annvie" or "share" or "image link" => [MatrixWorld.SiblingCategory, MatrixWorld.SiblingAnnotation],
        _ => [],
    };

    public static string[] Without(this string[] group, params string[] callers) =>
        [.. Enumerable.Except(group, callers)];
}

/// <summary>Shorthand for variables.</summary>
public static class Vars
{
    public static Dictionary<string, object?> Of(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);

    public static Dictionary<string, object?> Input(params (string Name, object? Value)[] values) =>
        new() { ["input"] = Of(values) };
}
