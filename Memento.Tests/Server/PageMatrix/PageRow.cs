using Memento.Tests.Schema.Api.RoleMatrix;

namespace Memento.Tests.Server.PageMatrix;

/// <summary>
/// One row of the page × role table: a page (GET) or a form post as the server maps it (<see cref="Route"/> is the
/// route pattern, so the table can be checked against the server's endpoints), its URL and form fields built from
/// the role matrix's world and the caller, and the callers allowed. Every other caller is refused: 403 for signed-in
/// users (<see cref="RefusedStatus"/> where a row refuses differently), the login page (or 401 to a post) for
/// callers without a session; and no response, allowed or not, shows the caller a marker of what they may not see
/// (<see cref="Roles.Unseen"/>).
/// </summary>
public sealed record PageRow(string Name, string Method, string Route, string[] Allowed,
    Func<MatrixWorld, string, string> Url)
{
    /// <summary>The form's fields besides the antiforgery token (which the table adds).</summary>
    public Func<MatrixWorld, string, Dictionary<string, string>> Form { get; init; } = (_, _) => [];

    /// <summary>Whether an allowed post changes the database (false: sign-in, sign-out).</summary>
    public bool Writes { get; init; } = true;

    /// <summary>Whether an allowed post by this caller changes the database, where that depends on the caller.</summary>
    public Func<string, bool>? WritesFor { get; init; }

    public bool WritesAs(string caller) => WritesFor?.Invoke(caller) ?? Writes;

    /// <summary>Where an allowed request must be redirected to (a prefix of Location); null: it must answer 2xx.</summary>
    public string? Lands { get; init; }

    /// <summary>What a signed-in caller who is refused gets (404 where the page must not reveal what exists).</summary>
    public int RefusedStatus { get; init; } = 403;

    /// <summary>Callers without a session get <see cref="RefusedStatus"/> too, instead of the login page (a page that is gone).</summary>
    public bool RefusesAnonymousAlike { get; init; }

    /// <summary>Allowed posts interfere with one another (a delete): each allowed caller gets a fresh world.</summary>
    public bool Isolated { get; init; }

    /// <summary>An htmx request (HX-Request: true) for a fragment; a refused caller without a session gets 401 and HX-Redirect.</summary>
    public bool Htmx { get; init; }

    /// <summary>A multipart form also carries a small PNG as its "file" field.</summary>
    public bool UploadsFile { get; init; }

    /// <summary>The form is sent as multipart/form-data (a streamed upload form), the antiforgery token first.</summary>
    public bool Multipart { get; init; }

    /// <summary>
    /// The markers this caller must never see here; defaults to <see cref="Roles.Unseen"/>. Rows whose URL itself
    /// grants access (a share link's token) override it.
    /// </summary>
    public Func<string, string[]> Unseen { get; init; } = Roles.Unseen;

    public bool IsPost => Method == "POST";

    public override string ToString() => Name;

    public static PageRow Get(string name, string route, string[] allowed, Func<MatrixWorld, string, string> url) =>
        new(name, "GET", route, allowed, url);

    public static PageRow Post(string name, string route, string[] allowed, Func<MatrixWorld, string, string> url) =>
        new(name, "POST", route, allowed, url);
}

/// <summary>The page table: every static PageRow[] property of this class (one file per page family).</summary>
public static partial class PageRows
{
    private static readonly Lazy<IReadOnlyList<PageRow>> Table = new(() => typeof(PageRows)
        .GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(p => p.PropertyType == typeof(PageRow[]))
        .SelectMany(p => (PageRow[])p.GetValue(null)!)
        .ToList());

    public static IReadOnlyList<PageRow> All => Table.Value;

    /// <summary>Callers with an account (they sign in through /login); the others browse without a session.</summary>
    public static string[] SignedIn => Roles.SignedIn;

    /// <summary>Everyone: signed in or not (a share link's holder has no session on these pages).</summary>
    public static string[] Everyone => MatrixWorld.Callers;

    /// <summary>A user's own name when signed in; else an account that exists (the form of someone signing in).</summary>
    public static string UserOrOwner(string caller) => SignedIn.Contains(caller) ? caller : "owner";
}
