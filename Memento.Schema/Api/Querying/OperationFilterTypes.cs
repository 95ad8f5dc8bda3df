using System.Collections.Concurrent;
using Memento.GraphQL.Types;

namespace Memento.Schema.Api.Querying;

/// <summary>
/// The per-scalar operation inputs (<c>StringOperationFilter</c>, …), one instance per scalar or enum so every
/// generated filter in a schema shares it.
/// </summary>
internal static class OperationFilterTypes
{
    private static readonly ConcurrentDictionary<NamedType, InputObjectType> Types = new();

    public static InputObjectType For(NamedType scalar, Type clrType) =>
        Types.GetOrAdd(scalar, s => Build(s, clrType));

    private static InputObjectType Build(NamedType scalar, Type clrType)
    {
        var type = new InputObjectType(scalar.Name + "OperationFilter", $"Conditions on a {scalar.Name} value; all given must hold.");
        type.AddField(FilterOperations.Eq, scalar, "Equal to; null matches a missing value.");
        type.AddField(FilterOperations.Neq, scalar, "Not equal to; null matches any present value.");
        type.AddField(FilterOperations.In, scalar.NonNull().List(), "One of.");
        type.AddField(FilterOperations.Nin, scalar.NonNull().List(), "None of.");
        if (scalar == ScalarType.String)
        {
            type.AddField(FilterOperations.Contains, ScalarType.String, "Contains the text, ignoring case.");
            type.AddField(FilterOperations.StartsWith, ScalarType.String, "Starts with the text, ignoring case.");
        }
        if (ClrTypes.IsOrdered(clrType) || scalar == ScalarType.ID)
        {
            type.AddField(FilterOperations.Gt, scalar, "Greater (later) than.");
            type.AddField(FilterOperations.Gte, scalar, "Greater (later) than or equal to.");
            type.AddField(FilterOperations.Lt, scalar, "Less (earlier) than.");
            type.AddField(FilterOperations.Lte, scalar, "Less (earlier) than or equal to.");
        }
        return type;
    }
}

/// <summary>The names of filter fields, shared by the type builders and the translator.</summary>
internal static class FilterOperations
{
    public const string And = "and", Or = "or";
    public const string Eq = "eq", Neq = "neq", In = "in", Nin = "nin";
    public const string Contains = "contains", StartsWith = "startsWith";
    public const string Gt = "gt", Gte = "gte", Lt = "lt", Lte = "lte";
    public const string Some = "some", All = "all", None = "none";
}
