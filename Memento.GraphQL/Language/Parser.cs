// A recursive-descent parser for the GraphQL grammar: https://spec.graphql.org/October2021/#sec-Appendix-Grammar-Summary
// plus the stable draft parts (interfaces implementing interfaces, repeatable directives, schema descriptions).
// Ported from graphql-js parser.ts: same productions, same error positions and messages. Split by grammar area:
// Parser.Operations.cs (executable definitions), Parser.Values.cs (values, types, directives),
// Parser.TypeSystem.cs (SDL). Recursion depth is capped by ParserOptions.MaxDepth.
namespace Memento.GraphQL.Language;

using Memento.GraphQL.Errors;
using Memento.GraphQL.Language.Ast;

/// <summary>Parses GraphQL text into an AST. Throws <see cref="GraphQLSyntaxError"/> on bad input, nothing else.</summary>
public sealed partial class Parser
{
    private readonly Source _source;
    private readonly bool _noLocation;
    private readonly int _maxDepth;
    private readonly int _maxTokens;
    private Lexer _lexer;
    private int _depth;
    private int _tokenCount;

    private Parser(Source source, ParserOptions? options)
    {
        options ??= ParserOptions.Default;
        _source = source;
        _noLocation = options.NoLocation;
        _maxDepth = options.MaxDepth;
        _maxTokens = options.MaxTokens;
        if (source.Body.Length > options.MaxDocumentChars)
            throw new GraphQLSyntaxError(source, 0, ErrorMessages.TooLong(options.MaxDocumentChars, "characters"));
        if ((long)source.Body.Length * 3 > options.MaxDocumentBytes &&
            System.Text.Encoding.UTF8.GetByteCount(source.Body) > options.MaxDocumentBytes)
            throw new GraphQLSyntaxError(source, 0, ErrorMessages.TooLong(options.MaxDocumentBytes, "UTF-8 bytes"));
        _lexer = new Lexer(source);
    }

    /// <summary>Parses a document (executable definitions and/or SDL).</summary>
    public static DocumentNode Parse(string text, ParserOptions? options = null) => Parse(new Source(text), options);

    /// <inheritdoc cref="Parse(string, ParserOptions?)"/>
    public static DocumentNode Parse(Source source, ParserOptions? options = null)
    {
        var parser = new Parser(source, options);
        try
        {
            return parser.ParseDocument();
        }
        finally
        {
            parser.ReturnScratch();
        }
    }

    /// <summary>Parses a single value literal, which may contain variables (graphql-js parseValue).</summary>
    public static ValueNode ParseValue(string text, ParserOptions? options = null)
    {
        var parser = new Parser(new Source(text), options);
        parser.ExpectToken(TokenKind.StartOfFile);
        var value = parser.ParseValueLiteral(isConst: false);
        parser.ExpectToken(TokenKind.EndOfFile);
        parser.ReturnScratch();
        return value;
    }

    /// <summary>Parses a constant value literal: variables are a syntax error (graphql-js parseConstValue).</summary>
    public static ValueNode ParseConstValue(string text, ParserOptions? options = null)
    {
        var parser = new Parser(new Source(text), options);
        parser.ExpectToken(TokenKind.StartOfFile);
        var value = parser.ParseValueLiteral(isConst: true);
        parser.ExpectToken(TokenKind.EndOfFile);
        parser.ReturnScratch();
        return value;
    }

    /// <summary>Parses a type reference such as <c>[String!]!</c> (graphql-js parseType).</summary>
    public static TypeNode ParseType(string text, ParserOptions? options = null)
    {
        var parser = new Parser(new Source(text), options);
        parser.ExpectToken(TokenKind.StartOfFile);
        var type = parser.ParseTypeReference();
        parser.ExpectToken(TokenKind.EndOfFile);
        parser.ReturnScratch();
        return type;
    }

    // Document : Definition+
    private DocumentNode ParseDocument()
    {
        int start = _lexer.Start;
        ExpectToken(TokenKind.StartOfFile);
        int definitionsMark = Mark();
        do
        {
            Push(ParseDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.EndOfFile));
        return new DocumentNode { Definitions = PopArray<DefinitionNode>(definitionsMark), Location = Loc(start) };
    }

    // Definition : ExecutableDefinition | TypeSystemDefinitionOrExtension
    private DefinitionNode ParseDefinition()
    {
        if (Peek(TokenKind.BraceL)) return ParseOperationDefinition();

        // Many definitions begin with a description and require a lookahead.
        bool hasDescription = PeekDescription();
        var keyword = hasDescription ? Lookahead() : _lexer;
        if (hasDescription && keyword.Kind == TokenKind.BraceL)
            throw SyntaxError(_lexer.Start, ErrorMessages.DescriptionOnShorthandQuery);
        if (keyword.Kind == TokenKind.Name)
        {
            if (keyword.IsKeyword("schema")) return ParseSchemaDefinition();
            if (keyword.IsKeyword("scalar")) return ParseScalarTypeDefinition();
            if (keyword.IsKeyword("type")) return ParseObjectTypeDefinition();
            if (keyword.IsKeyword("interface")) return ParseInterfaceTypeDefinition();
            if (keyword.IsKeyword("union")) return ParseUnionTypeDefinition();
            if (keyword.IsKeyword("enum")) return ParseEnumTypeDefinition();
            if (keyword.IsKeyword("input")) return ParseInputObjectTypeDefinition();
            if (keyword.IsKeyword("directive")) return ParseDirectiveDefinition();

            // Working draft: operations and fragments may have descriptions too.
            if (keyword.IsKeyword("query") || keyword.IsKeyword("mutation") || keyword.IsKeyword("subscription"))
                return ParseOperationDefinition();
            if (keyword.IsKeyword("fragment")) return ParseFragmentDefinition();

            if (hasDescription) throw SyntaxError(_lexer.Start, ErrorMessages.UnexpectedDescription);
            if (keyword.IsKeyword("extend")) return ParseTypeSystemExtension();
        }
        throw Unexpected(keyword);
    }

    // Name : /[_A-Za-z][_0-9A-Za-z]*/
    private NameNode ParseName()
    {
        if (_lexer.Kind != TokenKind.Name) throw ExpectedError(TokenKind.Name);
        int start = _lexer.Start;
        var value = NameTable.Get(_source.Body, start, _lexer.End - start);
        Advance();
        return new NameNode(value) { Location = Loc(start) };
    }

    // ---- helpers (graphql-js Parser private methods) ----

    private Location? Loc(int start) => _noLocation ? null : new Location(start, _lexer.PreviousEnd, _source);

    private bool Peek(TokenKind kind) => _lexer.Kind == kind;

    private void Advance()
    {
        _lexer.Advance();
        if (_lexer.Kind != TokenKind.EndOfFile && ++_tokenCount > _maxTokens)
            throw SyntaxError(_lexer.Start, ErrorMessages.TooManyTokens(_maxTokens));
    }

    private Lexer Lookahead()
    {
        var copy = _lexer;
        copy.Advance();
        return copy;
    }

    private void ExpectToken(TokenKind kind)
    {
        if (_lexer.Kind != kind) throw ExpectedError(kind);
        Advance();
    }

    private bool ExpectOptionalToken(TokenKind kind)
    {
        if (_lexer.Kind != kind) return false;
        Advance();
        return true;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!_lexer.IsKeyword(keyword))
            throw SyntaxError(_lexer.Start, ErrorMessages.ExpectedKeyword(keyword, _lexer.Describe()));
        Advance();
    }

    private bool ExpectOptionalKeyword(string keyword)
    {
        if (!_lexer.IsKeyword(keyword)) return false;
        Advance();
        return true;
    }

    /// <summary>Enters one nesting level (selection set, list/object value, list type); the stack guard.</summary>
    private void EnterNesting()
    {
        if (++_depth > _maxDepth) throw SyntaxError(_lexer.Start, ErrorMessages.TooDeep(_maxDepth));
    }

    private void ExitNesting() => _depth--;

    private GraphQLSyntaxError ExpectedError(TokenKind kind) =>
        SyntaxError(_lexer.Start, ErrorMessages.Expected(kind.Describe(), _lexer.Describe()));

    private GraphQLSyntaxError Unexpected() => Unexpected(_lexer);

    private GraphQLSyntaxError Unexpected(in Lexer at) => SyntaxError(at.Start, ErrorMessages.Unexpected(at.Describe()));

    private GraphQLSyntaxError SyntaxError(int position, string description) => new(_source, position, description);

    /// <summary>An empty list that allocates nothing, for the common "no arguments/directives" case.</summary>
    private static IReadOnlyList<T> Empty<T>() => Array.Empty<T>();
}
