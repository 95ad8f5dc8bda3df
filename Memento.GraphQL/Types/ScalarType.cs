namespace Memento.GraphQL.Types;

/// <summary>
/// A scalar: a leaf value with its own coercion rules. Serialize turns an internal value into a result value,
/// ParseValue turns a variable value into an internal value and ParseLiteral does the same for a literal in the
/// document. Each throws <see cref="GraphQLTypeException"/> when it cannot.
/// </summary>
public sealed partial class ScalarType : NamedType
{
    static ScalarType() => Scalars.SpecifiedLiterals.Install();

    public ScalarType(string name, string? description = null)
        : base(name, description)
    {
    }

    public override bool IsInputType => true;

    public override bool IsOutputType => true;

    /// <summary>Output coercion; the default passes the value through.</summary>
    public Func<object?, object?> Serialize { get; set; } = static v => v;

    /// <summary>Input coercion of a variable value; the default passes the value through.</summary>
    public Func<object?, object?> ParseValue { get; set; } = static v => v;

    /// <summary>URL of the specification of this scalar (the @specifiedBy directive).</summary>
    public string? SpecifiedByUrl { get; set; }

    public object? AstNode { get; set; }

    /// <summary>Whether this is one of the five scalars the specification defines.</summary>
    public bool IsSpecified => ReferenceEquals(this, Int) || ReferenceEquals(this, Float) || ReferenceEquals(this, String) ||
                               ReferenceEquals(this, Boolean) || ReferenceEquals(this, ID);

    public static ScalarType Int => Scalars.IntScalar.Instance;

    public static ScalarType Float => Scalars.FloatScalar.Instance;

    public static ScalarType String => Scalars.StringScalar.Instance;

    public static ScalarType Boolean => Scalars.BooleanScalar.Instance;

    public static ScalarType ID => Scalars.IdScalar.Instance;

    /// <summary>64-bit integer (our extension).</summary>
    public static ScalarType Long => Scalars.LongScalar.Instance;

    /// <summary>An ISO-8601 date and time with offset, held as <see cref="DateTimeOffset"/>.</summary>
    public static ScalarType DateTime => Scalars.DateTimeScalar.Instance;

    /// <summary>Any JSON value.</summary>
    public static ScalarType Json => Scalars.JsonScalar.Instance;

    /// <summary>A file of a multipart request, held as <see cref="IUploadedFile"/>.</summary>
    public static ScalarType Upload => Scalars.UploadScalar.Instance;

    /// <summary>The five specified scalars, in the order graphql-js lists them.</summary>
    public static IReadOnlyList<ScalarType> SpecifiedScalars { get; } = new[] { String, Int, Float, Boolean, ID };
}
