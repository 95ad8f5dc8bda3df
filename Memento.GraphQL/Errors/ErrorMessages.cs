// All error text of the language layer, worded as graphql-js words it (so clients and the differential test see
// the same messages). Other layers add their own partial files: ErrorMessages.Validation.cs, ….
namespace Memento.GraphQL.Errors;

/// <summary>Every error message, in one place. Tests assert against these.</summary>
public static partial class ErrorMessages
{
    public static string SyntaxError(string description) => "Syntax Error: " + description;

    // Lexer (https://spec.graphql.org/October2021/#sec-Language.Source-Text)
    public static string UnexpectedCharacter(string printedChar) => $"Unexpected character: {printedChar}.";
    public static string InvalidCharacter(string printedChar) => $"Invalid character: {printedChar}.";
    public const string UnexpectedSingleQuote =
        "Unexpected single quote character ('), did you mean to use a double quote (\")?";
    public static string UnexpectedDigitAfterZero(string printedChar) =>
        $"Invalid number, unexpected digit after 0: {printedChar}.";
    public static string ExpectedDigit(string printedChar) => $"Invalid number, expected digit but got: {printedChar}.";
    public static string InvalidCharacterWithinString(string printedChar) =>
        $"Invalid character within String: {printedChar}.";
    public const string UnterminatedString = "Unterminated string.";
    public static string InvalidUnicodeEscape(string sequence) => $"Invalid Unicode escape sequence: \"{sequence}\".";
    public static string InvalidCharacterEscape(string sequence) => $"Invalid character escape sequence: \"{sequence}\".";

    // Parser (https://spec.graphql.org/October2021/#sec-Document)
    public static string Expected(string expected, string found) => $"Expected {expected}, found {found}.";
    public static string ExpectedKeyword(string keyword, string found) => $"Expected \"{keyword}\", found {found}.";
    public static string Unexpected(string found) => $"Unexpected {found}.";
    public static string UnexpectedVariableInConstant(string name) =>
        $"Unexpected variable \"${name}\" in constant value.";
    public const string UnexpectedDescription =
        "Unexpected description, only GraphQL definitions support descriptions.";
    public const string DescriptionOnShorthandQuery =
        "Unexpected description, descriptions are not supported on shorthand queries.";
    public static string ReservedEnumValue(string token) =>
        $"{token} is reserved and cannot be used for an enum value.";

    // Parser limits (ours: graphql-js has only maxTokens, worded "more that" there).
    public static string TooManyTokens(int max) => $"Document contains more than {max} tokens. Parsing aborted.";
    public static string TooDeep(int max) => $"Document nesting is deeper than {max} levels. Parsing aborted.";
    public static string TooLong(int max, string unit) => $"Document is longer than {max} {unit}. Parsing aborted.";
}
