// Validation messages (spec section 5), worded exactly as graphql-js 16 words them: the differential test
// compares them with the reference.
namespace Memento.GraphQL.Errors;

public static partial class ErrorMessages
{
    public const string TooManyValidationErrors = "Too many validation errors, error limit reached. Validation aborted.";

    // 5.1 Documents
    public static string NotExecutableDefinition(string defName) => $"The {defName} definition is not executable.";

    // 5.2 Operations
    public static string DuplicateOperationName(string name) => $"There can be only one operation named \"{name}\".";
    public const string AnonOperationNotAlone = "This anonymous operation must be the only defined operation.";
    public static string SingleFieldOnly(string? name) => name is not null
        ? $"Subscription \"{name}\" must select only one top level field."
        : "Anonymous Subscription must select only one top level field.";
    public static string SubscriptionIntrospection(string? name) => name is not null
        ? $"Subscription \"{name}\" must not select an introspection top level field."
        : "Anonymous Subscription must not select an introspection top level field.";

    // 5.3 Fields
    public static string UndefinedField(string fieldName, string typeName) => $"Cannot query field \"{fieldName}\" on type \"{typeName}\".";
    public static string NoSubselectionAllowed(string fieldName, string type) =>
        $"Field \"{fieldName}\" must not have a selection since type \"{type}\" has no subfields.";
    public static string RequiredSubselection(string fieldName, string type) =>
        $"Field \"{fieldName}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{fieldName} {{ ... }}\"?";
    public static string FieldsConflict(string responseName, string reason) =>
        $"Fields \"{responseName}\" conflict because {reason}. Use different aliases on the fields to fetch both if this was intentional.";

    // 5.4 Arguments
    public static string UnknownArgument(string argName, string typeName, string fieldName) =>
        $"Unknown argument \"{argName}\" on field \"{typeName}.{fieldName}\".";
    public static string UnknownDirectiveArgument(string argName, string directiveName) =>
        $"Unknown argument \"{argName}\" on directive \"@{directiveName}\".";
    public static string DuplicateArgument(string argName) => $"There can be only one argument named \"{argName}\".";
    public static string MissingFieldArgument(string fieldName, string argName, string type) =>
        $"Field \"{fieldName}\" argument \"{argName}\" of type \"{type}\" is required, but it was not provided.";
    public static string MissingDirectiveArgument(string directiveName, string argName, string type) =>
        $"Directive \"@{directiveName}\" argument \"{argName}\" of type \"{type}\" is required, but it was not provided.";

    // 5.5 Fragments
    public static string DuplicateFragmentName(string name) => $"There can be only one fragment named \"{name}\".";
    public static string InlineFragmentOnNonComposite(string type) => $"Fragment cannot condition on non composite type \"{type}\".";
    public static string FragmentOnNonComposite(string name, string type) =>
        $"Fragment \"{name}\" cannot condition on non composite type \"{type}\".";
    public static string UnknownType(string name) => $"Unknown type \"{name}\".";
    public static string UnknownFragment(string name) => $"Unknown fragment \"{name}\".";
    public static string UnusedFragment(string name) => $"Fragment \"{name}\" is never used.";
    public static string CycleInFragment(string name, string viaPath) =>
        $"Cannot spread fragment \"{name}\" within itself" + (viaPath.Length > 0 ? $" via {viaPath}." : ".");
    public static string ImpossibleInlineSpread(string parentType, string fragType) =>
        $"Fragment cannot be spread here as objects of type \"{parentType}\" can never be of type \"{fragType}\".";
    public static string ImpossibleSpread(string name, string parentType, string fragType) =>
        $"Fragment \"{name}\" cannot be spread here as objects of type \"{parentType}\" can never be of type \"{fragType}\".";

    // 5.6 Values
    public static string BadValue(string type, string value) => $"Expected value of type \"{type}\", found {value}.";
    public static string BadValueWithReason(string type, string value, string reason) =>
        $"Expected value of type \"{type}\", found {value}; {reason}";
    public static string RequiredInputField(string typeName, string fieldName, string type) =>
        $"Field \"{typeName}.{fieldName}\" of required type \"{type}\" was not provided.";
    public static string UnknownInputField(string fieldName, string typeName) => $"Field \"{fieldName}\" is not defined by type \"{typeName}\".";
    public static string DuplicateInputField(string name) => $"There can be only one input field named \"{name}\".";
    public static string OneOfExactlyOneKey(string typeName) => $"OneOf Input Object \"{typeName}\" must specify exactly one key.";
    public static string OneOfFieldNonNull(string typeName, string fieldName) => $"Field \"{typeName}.{fieldName}\" must be non-null.";
    public static string OneOfNullableVariable(string varName, string varType, string typeName) =>
        $"Variable \"${varName}\" is of type \"{varType}\" but must be non-nullable to be used for OneOf Input Object \"{typeName}\".";

    // 5.7 Directives
    public static string UnknownDirective(string name) => $"Unknown directive \"@{name}\".";
    public static string MisplacedDirective(string name, string location) => $"Directive \"@{name}\" may not be used on {location}.";
    public static string DuplicateDirective(string name) => $"The directive \"@{name}\" can only be used once at this location.";

    // 5.8 Variables
    public static string DuplicateVariable(string name) => $"There can be only one variable named \"${name}\".";
    public static string NonInputTypeOnVariable(string name, string type) => $"Variable \"${name}\" cannot be non-input type \"{type}\".";
    public static string UndefinedVariable(string name, string? operationName) => operationName is not null
        ? $"Variable \"${name}\" is not defined by operation \"{operationName}\"."
        : $"Variable \"${name}\" is not defined.";
    public static string UnusedVariable(string name, string? operationName) => operationName is not null
        ? $"Variable \"${name}\" is never used in operation \"{operationName}\"."
        : $"Variable \"${name}\" is never used.";
    public static string BadVariablePosition(string name, string varType, string type) =>
        $"Variable \"${name}\" of type \"{varType}\" used in position expecting type \"{type}\".";

    // Recommended and opt-in safety rules
    public const string MaxIntrospectionDepth = "Maximum introspection depth exceeded";
    public static string MaxDepthExceeded(string? operationName, int depth, int max) =>
        $"{OperationLabel(operationName)} exceeds the maximum depth of {max} (depth {depth}).";
    public static string MaxCostExceeded(string? operationName, long cost, int max) =>
        $"{OperationLabel(operationName)} exceeds the maximum cost of {max} (cost {cost}).";
    public static string IntrospectionDisabled(string fieldName) =>
        $"GraphQL introspection has been disabled, but the requested query contained the field \"{fieldName}\".";

    private static string OperationLabel(string? name) => name is null ? "Anonymous operation" : $"Operation \"{name}\"";
}
