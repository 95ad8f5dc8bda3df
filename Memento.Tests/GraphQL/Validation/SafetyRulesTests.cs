using Memento.GraphQL.Errors;
using Memento.GraphQL.Introspection;
using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.Tests.GraphQL.Validation;

/// <summary>The opt-in limits the issue asks for: depth, cost (lists multiply) and introspection for anonymous callers.</summary>
public class SafetyRulesTests
{
    private static string[] Run(ValidationRule rule, string query, ValidationOptions options) =>
        ValidationHarness.Describe(ValidationHarness.Validate(query, new[] { rule }, null, options));

    [Theory]
    // depth counts fields, not selection sets: dog { mother { name } } is 3
    [InlineData("{ dog { mother { name } } }", 3, 0)]
    [InlineData("{ dog { mother { mother { name } } } }", 3, 1)]
    // fragments are expanded into the depth of the spread
    [InlineData("{ dog { ...M } } fragment M on Dog { mother { mother { name } } }", 3, 1)]
    // inline fragments add no depth of their own
    [InlineData("{ pet { ... on Dog { name } } }", 2, 0)]
    public void Max_depth_counts_nested_fields(string query, int maxDepth, int errors) =>
        Assert.Equal(errors, Run(MaxDepthRule.Rule, query, new ValidationOptions { MaxDepth = maxDepth }).Length);

    [Fact]
    public void Max_depth_names_the_operation_and_locates_it() =>
        Assert.Equal(
            new[] { ErrorMessages.MaxDepthExceeded("Deep", 4, 3) + " (1:1)" },
            Run(MaxDepthRule.Rule, "query Deep { dog { mother { mother { name } } } }", new ValidationOptions { MaxDepth = 3 }));

    [Fact]
    public void Max_depth_survives_fragment_cycles() =>
        Assert.Single(Run(MaxDepthRule.Rule, "{ dog { ...A } } fragment A on Dog { mother { ...A } }", new ValidationOptions { MaxDepth = 1 }));

    [Theory]
    // human (1) + pets: a list, default size 10, each pet costs 0 for the leaf name => 1 + 0
    [InlineData("{ human { name } }", 1)]
    // human (1) + relatives list (1 own + 10 x (1 + 10 x 1)) ... relatives is a list of objects
    [InlineData("{ human { relatives { name } } }", 2)]
    [InlineData("{ human { relatives { relatives { name } } } }", 12)]
    public void Max_cost_multiplies_list_fields_by_the_default_size(string query, long expected)
    {
        var options = new ValidationOptions { MaxCost = 1, DefaultListSize = 10 };
        var errors = Run(MaxCostRule.Rule, query, options);
        if (expected <= 1)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Equal(new[] { ErrorMessages.MaxCostExceeded(null, expected, 1) + " (1:1)" }, errors);
        }
    }

    [Fact]
    public void Max_cost_passes_when_within_the_limit() =>
        Assert.Empty(Run(MaxCostRule.Rule, "{ human { relatives { relatives { name } } } }", new ValidationOptions { MaxCost = 12, DefaultListSize = 10 }));

    /// <summary>Fragments F0…F{levels-1} each spread the next <paramref name="spreads"/> times; the last selects <paramref name="leaf"/>.</summary>
    private static string FragmentChain(string root, string type, int levels, int spreads, string leaf)
    {
        var text = new System.Text.StringBuilder(root);
        for (var i = 0; i < levels; i++)
            text.Append($" fragment F{i} on {type} {{ {string.Concat(Enumerable.Repeat($"...F{i + 1} ", spreads))}}}");
        return text.Append($" fragment F{levels} on {type} {{ {leaf} }}").ToString();
    }

    [Fact]
    public void Max_cost_counts_a_fragment_chain_as_expanded_without_expanding_it()
    {
        // 4^30 spreads of relatives { name } (cost 1 each) under human (1): expanding them would never finish.
        var query = FragmentChain("{ human { ...F0 } }", "Human", 30, 4, "relatives { name }");
        var errors = Run(MaxCostRule.Rule, query, new ValidationOptions { MaxCost = int.MaxValue, DefaultListSize = 10 });
        Assert.Equal(new[] { ErrorMessages.MaxCostExceeded(null, 1 + (1L << 60), int.MaxValue) + " (1:1)" }, errors);
    }

    [Fact]
    public void Max_cost_saturates_instead_of_overflowing_on_a_longer_chain()
    {
        var query = FragmentChain("{ human { ...F0 } }", "Human", 40, 4, "relatives { name }");
        var errors = Run(MaxCostRule.Rule, query, new ValidationOptions { MaxCost = int.MaxValue });
        Assert.Equal(new[] { ErrorMessages.MaxCostExceeded(null, long.MaxValue, int.MaxValue) + " (1:1)" }, errors);
    }

    [Fact]
    public void Max_depth_counts_a_fragment_chain_as_expanded_without_expanding_it()
    {
        // Every fragment adds one level (mother { … }): 30 levels of four spreads each, 4^30 paths, depth 32.
        var text = new System.Text.StringBuilder("query Deep { dog { ...F0 } }");
        for (var i = 0; i < 30; i++)
            text.Append($" fragment F{i} on Dog {{ mother {{ ...F{i + 1} ...F{i + 1} ...F{i + 1} ...F{i + 1} }} }}");
        text.Append(" fragment F30 on Dog { name }");
        Assert.Empty(Run(MaxDepthRule.Rule, text.ToString(), new ValidationOptions { MaxDepth = 32 }));
        Assert.Equal(
            new[] { ErrorMessages.MaxDepthExceeded("Deep", 32, 31) + " (1:1)" },
            Run(MaxDepthRule.Rule, text.ToString(), new ValidationOptions { MaxDepth = 31 }));
    }

    [Fact]
    public void No_introspection_refuses_schema_and_type_but_allows_typename()
    {
        Assert.Equal(
            new[] { ErrorMessages.IntrospectionDisabled("__schema") + " (1:3)", ErrorMessages.IntrospectionDisabled("__type") + " (1:35)" },
            Run(NoIntrospectionRule.Rule, "{ __schema { queryType { name } } __type(name: \"Dog\") { name } }", ValidationOptions.Default));
        Assert.Empty(Run(NoIntrospectionRule.Rule, "{ dog { __typename } }", ValidationOptions.Default));
    }

    [Fact]
    public void The_introspection_query_stays_within_the_default_depth() =>
        Assert.Empty(Run(MaxDepthRule.Rule, IntrospectionQuery.Text, new ValidationOptions()));

    [Fact]
    public void Options_refuse_nonsense_limits() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ValidationOptions { MaxDepth = 0 });
}
