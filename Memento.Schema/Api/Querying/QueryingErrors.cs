namespace Memento.Schema.Api.Querying;

/// <summary>All messages the querying layer returns to clients, so tests assert against the same text.</summary>
public static class QueryingErrors
{
    /// <summary>The extensions.code of client mistakes in list arguments.</summary>
    public const string ValidationCode = "VALIDATION";

    public static string NotFilterable(string name) => $"\"{name}\" cannot be filtered on.";

    public static string InvalidValue(object value) => $"\"{value}\" is not a valid value for this filter.";

    public static string PageSizeTooLarge(string argument, int value, int maximum) =>
        $"\"{argument}\" is {value}, but a page holds at most {maximum} items.";

    public static string NegativePageSize(string argument) => $"\"{argument}\" must not be negative.";

    public static string TooManyListItems(string list, int count, int maximum) =>
        $"\"{list}\" lists {count} values, but a filter list holds at most {maximum}; split the request.";

    public static string TooManyTerms(string operation, int count, int maximum) =>
        $"\"{operation}\" combines {count} terms, but at most {maximum} are allowed; put alternatives of one field in \"in\".";

    public static string FilterTooLarge(int count, int maximum) =>
        $"The filter has {count} conditions and values, but at most {maximum} are allowed.";

    public static string FilterTooDeep(int maximum) => $"The filter nests objects more than {maximum} levels deep.";

    public const string FirstAndLast = "Give either \"first\" or \"last\", not both.";

    public static string InvalidCursor(string argument) =>
        $"The \"{argument}\" cursor is not valid for this list and order; take cursors from a page read with the same order.";
}
