using Memento.GraphQL.Types;
using static Memento.Tests.GraphQL.Execution.ExecutionHarness;
using static Memento.Tests.GraphQL.Execution.TestSchemas;

namespace Memento.Tests.GraphQL.Execution;

/// <summary>Spec 6.4.3 ResolveAbstractType: interfaces and unions find their object type at runtime.</summary>
public class AbstractTypeTests
{
    private sealed record Dog(string Name, bool Barks);

    private sealed record Cat(string Name, int Lives);

    private sealed record Rock(string Name);

    private static GraphQLSchema BuildSchema(bool unionResolvesType)
    {
        var pet = new InterfaceType("Pet");
        pet.AddField("name", ScalarType.String);
        var dog = new ObjectType("Dog") { IsTypeOf = (value, _) => value is Dog };
        dog.AddInterface(pet);
        dog.AddField("name", ScalarType.String);
        dog.AddField("barks", ScalarType.Boolean);
        var cat = new ObjectType("Cat") { IsTypeOf = (value, _) => value is Cat };
        cat.AddInterface(pet);
        cat.AddField("name", ScalarType.String);
        cat.AddField("lives", ScalarType.Int);
        var union = new UnionType("DogOrCat").AddType(dog).AddType(cat);
        if (unionResolvesType) union.ResolveType = (value, _) => value is Dog ? dog : value is Cat ? cat : null;
        object[] pets = [new Dog("Rex", true), new Cat("Tom", 9)];
        return Query(q =>
        {
            q.AddField("pets", pet.List(), _ => Value(pets));
            q.AddField("union", union.List(), _ => Value(pets));
            q.AddField("rock", pet, _ => Value(new Rock("Stone")));
        }, types: [dog, cat]);
    }

    [Fact]
    public Task Interfaces_resolve_through_IsTypeOf_and_fragments_select_per_type() =>
        ExpectAsync(BuildSchema(false), "{ pets { __typename name ... on Dog { barks } ... on Cat { lives } } }", """
            { 'data': { 'pets': [ { '__typename': 'Dog', 'name': 'Rex', 'barks': true }, { '__typename': 'Cat', 'name': 'Tom', 'lives': 9 } ] } }
            """);

    [Fact]
    public Task Unions_resolve_through_ResolveType() =>
        ExpectAsync(BuildSchema(true), "{ union { __typename ... on Pet { name } } }", """
            { 'data': { 'union': [ { '__typename': 'Dog', 'name': 'Rex' }, { '__typename': 'Cat', 'name': 'Tom' } ] } }
            """);

    [Fact]
    public Task A_value_of_no_possible_type_is_a_field_error() =>
        ExpectAsync(BuildSchema(false), "{ rock { name } }", """
            { "errors": [ { "message": "Abstract type \"Pet\" must resolve to an Object type at runtime for field \"Query.rock\". Either the \"Pet\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.",
                            "locations": [ { "line": 1, "column": 3 } ], "path": [ "rock" ] } ],
              "data": { "rock": null } }
            """);
}
