using Memento.GraphQL.Types;
using Memento.GraphQL.Utilities;
using Memento.Tests.GraphQL.Validation;

namespace Memento.Tests.GraphQL.Types;

/// <summary>Type system validation, compared with graphql-js validateSchema (messages and locations).</summary>
public class SchemaValidatorTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        // a valid schema
        { "interface Node { id: ID! }\ntype Query implements Node { id: ID! node: Node }", new string[] { } },
        // no query type
        { "type Mutation { a: Int }", new string[] { "Query root type must be provided." } },
        // empty types
        { "type Query { a: Int }\ntype Empty\ninput EmptyIn\nenum E\nunion U", new string[] { "Type Empty must define one or more fields. (2:1)", "Input Object type EmptyIn must define one or more fields. (3:1)", "Enum type E must define one or more values. (4:1)", "Union type U must define one or more member types. (5:1)" } },
        // reserved names
        { "type Query { __a: Int }\ntype __Bad { a: Int }", new string[] { "Name \"__a\" must not begin with \"__\", which is reserved by GraphQL introspection. (1:14)", "Name \"__Bad\" must not begin with \"__\", which is reserved by GraphQL introspection. (2:1)" } },
        // a missing interface field
        { "interface Node { id: ID! }\ntype Query implements Node { name: String }", new string[] { "Interface field Node.id expected but Query does not provide it. (1:18, 2:1)" } },
        // a field of the wrong type
        { "interface Node { id: ID! }\ntype Query implements Node { id: String }", new string[] { "Interface field Node.id expects type ID! but Query.id is type String. (1:22, 2:34)" } },
        // a covariant field is fine
        { "interface Pet { friend: Pet }\ntype Dog implements Pet { friend: Dog }\ntype Query { dog: Dog }", new string[] { } },
        // arguments must match exactly
        { "interface I { f(a: Int): Int }\ntype Query implements I { f(a: Int!, b: Int!): Int }", new string[] { "Interface field argument I.f(a:) expects type Int but Query.f(a:) is type Int!. (1:20, 2:32)", "Object field Query.f includes required argument b that is missing from the Interface field I.f. (2:38, 1:15)" } },
        // transitive interfaces must be declared
        { "interface A { a: Int }\ninterface B implements A { a: Int }\ntype Query implements B { a: Int }", new string[] { "Type Query must implement A because it is implemented by B. (2:24, 3:23)" } },
        // non-null input cycles
        { "input A { b: B! }\ninput B { a: A! c: Int }\ninput C { self: C }\ntype Query { f(a: A, c: C): Int }", new string[] { "Cannot reference Input Object \"A\" within itself through a series of non-null fields: \"b.a\". (1:11, 2:11)" } },
        // oneOf fields must be nullable without defaults
        { "input O @oneOf { a: Int! b: Int = 3 }\ntype Query { f(o: O): Int }", new string[] { "OneOf input field O.a must be nullable. (1:21)", "OneOf input field O.b cannot have a default value. (1:26)" } },
        // required arguments cannot be deprecated
        { "type Query { f(a: Int! @deprecated): Int }\ninput I { x: Int! @deprecated }\ntype Other { g(i: I): Int }", new string[] { "Required argument Query.f(a:) cannot be deprecated. (1:24, 1:19)", "Required input field I.x cannot be deprecated. (2:19, 2:14)" } },
        // one type as two roots
        { "schema { query: Query mutation: Query }\ntype Query { a: Int }", new string[] { } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_what_graphql_js_reports(string sdl, string[] expected) =>
        Assert.Equal(expected, ValidationHarness.Describe(SchemaValidator.Validate(SchemaBuilder.BuildSchema(sdl))));
}
