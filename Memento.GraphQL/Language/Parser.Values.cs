// Values, type references and directives: https://spec.graphql.org/October2021/#sec-Input-Values,
// #sec-Type-References, #sec-Language.Directives
namespace Memento.GraphQL.Language;

using Memento.GraphQL.Errors;
using Memento.GraphQL.Language.Ast;

public sealed partial class Parser
{
    // Value[Const] : [~Const] Variable | IntValue | FloatValue | StringValue | BooleanValue | NullValue
    //              | EnumValue | ListValue[?Const] | ObjectValue[?Const]
    private ValueNode ParseValueLiteral(bool isConst)
    {
        int start = _lexer.Start;
        switch (_lexer.Kind)
        {
            case TokenKind.BracketL:
                return ParseList(isConst);
            case TokenKind.BraceL:
                return ParseObject(isConst);
            case TokenKind.Int:
            {
                var value = _lexer.Value;
                Advance();
                return new IntValueNode(value) { Location = Loc(start) };
            }
            case TokenKind.Float:
            {
                var value = _lexer.Value;
                Advance();
                return new FloatValueNode(value) { Location = Loc(start) };
            }
            case TokenKind.String:
            case TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
                if (_lexer.IsKeyword("true"))
                {
                    Advance();
                    return new BooleanValueNode(true) { Location = Loc(start) };
                }
                if (_lexer.IsKeyword("false"))
                {
                    Advance();
                    return new BooleanValueNode(false) { Location = Loc(start) };
                }
                if (_lexer.IsKeyword("null"))
                {
                    Advance();
                    return new NullValueNode { Location = Loc(start) };
                }
                else
                {
                    var value = NameTable.Get(_source.Body, start, _lexer.End - start);
                    Advance();
                    return new EnumValueNode(value) { Location = Loc(start) };
                }
            case TokenKind.Dollar:
                if (isConst)
                {
                    Advance();
                    if (_lexer.Kind == TokenKind.Name)
                        throw SyntaxError(start, ErrorMessages.UnexpectedVariableInConstant(_lexer.Value));
                    throw SyntaxError(start, ErrorMessages.Unexpected(TokenKind.Dollar.Describe()));
                }
                return ParseVariable();
            default:
                throw Unexpected();
        }
    }

    private StringValueNode ParseStringLiteral()
    {
        int start = _lexer.Start;
        bool block = _lexer.Kind == TokenKind.BlockString;
        var value = _lexer.StringValue!;
        Advance();
        return new StringValueNode(value, block) { Location = Loc(start) };
    }

    // ListValue[Const] : [ ] | [ Value[?Const]+ ]
    private ListValueNode ParseList(bool isConst)
    {
        int start = _lexer.Start;
        EnterNesting();
        ExpectToken(TokenKind.BracketL);
        IReadOnlyList<ValueNode> values = Empty<ValueNode>();
        if (!ExpectOptionalToken(TokenKind.BracketR))
        {
            int listMark = Mark();
            do
            {
                Push(ParseValueLiteral(isConst));
            }
            while (!ExpectOptionalToken(TokenKind.BracketR));
            values = PopArray<ValueNode>(listMark);
        }
        ExitNesting();
        return new ListValueNode { Values = values, Location = Loc(start) };
    }

    // ObjectValue[Const] : { } | { ObjectField[?Const]+ }
    private ObjectValueNode ParseObject(bool isConst)
    {
        int start = _lexer.Start;
        EnterNesting();
        ExpectToken(TokenKind.BraceL);
        IReadOnlyList<ObjectFieldNode> fields = Empty<ObjectFieldNode>();
        if (!ExpectOptionalToken(TokenKind.BraceR))
        {
            int listMark = Mark();
            do
            {
                int fieldStart = _lexer.Start;
                var name = ParseName();
                ExpectToken(TokenKind.Colon);
                var value = ParseValueLiteral(isConst);
                Push(new ObjectFieldNode { Name = name, Value = value, Location = Loc(fieldStart) });
            }
            while (!ExpectOptionalToken(TokenKind.BraceR));
            fields = PopArray<ObjectFieldNode>(listMark);
        }
        ExitNesting();
        return new ObjectValueNode { Fields = fields, Location = Loc(start) };
    }

    // Directives[Const] : Directive[?Const]+
    private IReadOnlyList<DirectiveNode> ParseDirectives(bool isConst)
    {
        if (!Peek(TokenKind.At)) return Empty<DirectiveNode>();
        int listMark = Mark();
        do
        {
            int start = _lexer.Start;
            Advance();
            var name = ParseName();
            var arguments = ParseArguments(isConst);
            Push(new DirectiveNode { Name = name, Arguments = arguments, Location = Loc(start) });
        }
        while (Peek(TokenKind.At));
        return PopArray<DirectiveNode>(listMark);
    }

    // Type : NamedType | ListType | NonNullType
    private TypeNode ParseTypeReference()
    {
        int start = _lexer.Start;
        TypeNode type;
        if (Peek(TokenKind.BracketL))
        {
            EnterNesting();
            Advance();
            var inner = ParseTypeReference();
            ExpectToken(TokenKind.BracketR);
            ExitNesting();
            type = new ListTypeNode { Type = inner, Location = Loc(start) };
        }
        else
        {
            type = ParseNamedType();
        }
        if (ExpectOptionalToken(TokenKind.Bang)) return new NonNullTypeNode { Type = type, Location = Loc(start) };
        return type;
    }

    // NamedType : Name
    private NamedTypeNode ParseNamedType()
    {
        int start = _lexer.Start;
        var name = ParseName();
        return new NamedTypeNode { Name = name, Location = Loc(start) };
    }

}
