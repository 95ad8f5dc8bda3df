namespace Memento.GraphQL.Types;

/// <summary>Reason used by <c>@deprecated</c> when none is given.</summary>
public static class Deprecation
{
    public const string DefaultReason = "No longer supported";
}
