using Memento.GraphQL.Language;
namespace Memento.GraphQL.Types;

/// <summary>The directives the specification defines, with graphql-js's descriptions.</summary>
public static class SpecifiedDirectives
{
    public static readonly DirectiveDefinition Include = new DirectiveDefinition("include",
            new[] { DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment },
            "Directs the executor to include this field or fragment only when the `if` argument is true.")
        .AddArgument(new ArgumentDefinition("if", new NonNullType(ScalarType.Boolean), "Included when true."));

    public static readonly DirectiveDefinition Skip = new DirectiveDefinition("skip",
            new[] { DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment },
            "Directs the executor to skip this field or fragment when the `if` argument is true.")
        .AddArgument(new ArgumentDefinition("if", new NonNullType(ScalarType.Boolean), "Skipped when true."));

    public static readonly DirectiveDefinition Deprecated = new DirectiveDefinition("deprecated",
            new[]
            {
                DirectiveLocation.FieldDefinition, DirectiveLocation.ArgumentDefinition, DirectiveLocation.InputFieldDefinition,
                DirectiveLocation.EnumValue,
            },
            "Marks an element of a GraphQL schema as no longer supported.")
        .AddArgument(new ArgumentDefinition("reason", ScalarType.String,
            "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).")
        {
            DefaultValue = Deprecation.DefaultReason,
        });

    public static readonly DirectiveDefinition SpecifiedBy = new DirectiveDefinition("specifiedBy",
            new[] { DirectiveLocation.Scalar },
            "Exposes a URL that specifies the behavior of this scalar.")
        .AddArgument(new ArgumentDefinition("url", new NonNullType(ScalarType.String), "The URL that specifies the behavior of this scalar."));

    public static readonly DirectiveDefinition OneOf = new("oneOf",
        new[] { DirectiveLocation.InputObject },
        "Indicates exactly one field must be supplied and this field must not be `null`.");

    /// <summary>In graphql-js's order: include, skip, deprecated, specifiedBy, oneOf.</summary>
    public static readonly IReadOnlyList<DirectiveDefinition> All = new[] { Include, Skip, Deprecated, SpecifiedBy, OneOf };

    public static bool IsSpecified(DirectiveDefinition directive)
    {
        foreach (var d in All)
        {
            if (d.Name == directive.Name)
            {
                return true;
            }
        }

        return false;
    }
}
