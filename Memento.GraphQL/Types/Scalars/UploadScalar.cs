namespace Memento.GraphQL.Types.Scalars;

/// <summary>
/// Upload: a file of a GraphQL multipart request. Only variables can carry one (the HTTP layer maps the file part
/// into the variables), so literals are refused and the type is never serialized.
/// </summary>
internal static class UploadScalar
{
    public static readonly ScalarType Instance = new("Upload",
        "The `Upload` scalar type represents a file upload sent with a GraphQL multipart request.")
    {
        Serialize = static v => throw new GraphQLTypeException("Upload cannot be used as an output type."),
        ParseValue = static v => v is IUploadedFile
            ? v
            : throw new GraphQLTypeException("Upload cannot represent a non-file value: " + Inspect.Value(v)),
        SpecifiedByUrl = "https://github.com/jaydenseric/graphql-multipart-request-spec",
    };
}
