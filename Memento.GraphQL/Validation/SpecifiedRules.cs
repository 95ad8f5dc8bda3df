using Memento.GraphQL.Validation.Rules;

namespace Memento.GraphQL.Validation;

/// <summary>The rules of spec section 5, in graphql-js's order (which fixes the order of reported errors).</summary>
public static class SpecifiedRules
{
    public static readonly IReadOnlyList<ValidationRule> All = new[]
    {
        // 5.1.1 Executable Definitions
        ExecutableDefinitionsRule.Rule,

        // 5.2.1.1 Operation Name Uniqueness
        UniqueOperationNamesRule.Rule,

        // 5.2.2.1 Lone Anonymous Operation
        LoneAnonymousOperationRule.Rule,

        // 5.2.3.1 Single Root Field (subscriptions)
        SingleFieldSubscriptionsRule.Rule,

        // 5.5.1.2 Fragment Spread Type Existence (and variable types)
        KnownTypeNamesRule.Rule,

        // 5.5.1.3 Fragments On Composite Types
        FragmentsOnCompositeTypesRule.Rule,

        // 5.8.2 Variables Are Input Types
        VariablesAreInputTypesRule.Rule,

        // 5.3.3 Leaf Field Selections
        ScalarLeafsRule.Rule,

        // 5.3.1 Field Selections on Objects, Interfaces, and Unions Types
        FieldsOnCorrectTypeRule.Rule,

        // 5.5.1.1 Fragment Name Uniqueness
        UniqueFragmentNamesRule.Rule,

        // 5.5.2.1 Fragment spread target defined
        KnownFragmentNamesRule.Rule,

        // 5.5.1.4 Fragments Must Be Used
        NoUnusedFragmentsRule.Rule,

        // 5.5.2.3 Fragment spread is possible
        PossibleFragmentSpreadsRule.Rule,

        // 5.5.2.2 Fragment spreads must not form cycles
        NoFragmentCyclesRule.Rule,

        // 5.8.1 Variable Uniqueness
        UniqueVariableNamesRule.Rule,

        // 5.8.3 All Variable Uses Defined
        NoUndefinedVariablesRule.Rule,

        // 5.8.4 All Variables Used
        NoUnusedVariablesRule.Rule,

        // 5.7.1 Directives Are Defined, 5.7.2 Directives Are In Valid Locations
        KnownDirectivesRule.Rule,

        // 5.7.3 Directives Are Unique Per Location
        UniqueDirectivesPerLocationRule.Rule,

        // 5.4.1 Argument Names
        KnownArgumentNamesRule.Rule,

        // 5.4.2 Argument Uniqueness
        UniqueArgumentNamesRule.Rule,

        // 5.6.1 Values of Correct Type (with @oneOf)
        ValuesOfCorrectTypeRule.Rule,

        // 5.4.2.1 Required Arguments
        ProvidedRequiredArgumentsRule.Rule,

        // 5.8.5 All Variable Usages Are Allowed
        VariablesInAllowedPositionRule.Rule,

        // 5.3.2 Field Selection Merging
        OverlappingFieldsCanBeMergedRule.Rule,

        // 5.6.3 Input Object Field Uniqueness
        UniqueInputFieldNamesRule.Rule,

        // Not in the spec: graphql-js's recommended guard against deep introspection, part of its specifiedRules.
        MaxIntrospectionDepthRule.Rule,
    };
}
