namespace Memento.GraphQL.Types.Scalars;

/// <summary>JSON: any JSON value, passed through unchanged (objects, lists, strings, numbers, booleans, null).</summary>
internal static class JsonScalar
{
    public static readonly ScalarType Instance = new("JSON",
        "The `JSON` scalar type represents any JSON value: objects, lists, strings, numbers, booleans and null.")
    {
        Serialize = static v => v,
        ParseValue = static v => v,
        SpecifiedByUrl = "https://www.rfc-editor.org/rfc/rfc8259",
    };
}
