// Executable definitions: https://spec.graphql.org/October2021/#sec-Language.Operations
// https://spec.graphql.org/October2021/#sec-Selection-Sets and #sec-Language.Fragments
namespace Memento.GraphQL.Language;

using Memento.GraphQL.Language.Ast;

public sealed partial class Parser
{
    // OperationDefinition : SelectionSet | OperationType Name? VariableDefinitions? Directives? SelectionSet
    private OperationDefinitionNode ParseOperationDefinition()
    {
        int start = _lexer.Start;
        if (Peek(TokenKind.BraceL))
        {
            var selectionSet = ParseSelectionSet();
            return new OperationDefinitionNode
            {
                Operation = OperationType.Query,
                SelectionSet = selectionSet,
                Location = Loc(start),
            };
        }
        var description = ParseDescription();
        var operation = ParseOperationType();
        NameNode? name = Peek(TokenKind.Name) ? ParseName() : null;
        var variableDefinitions = ParseVariableDefinitions();
        var directives = ParseDirectives(isConst: false);
        var set = ParseSelectionSet();
        return new OperationDefinitionNode
        {
            Description = description,
            Operation = operation,
            Name = name,
            VariableDefinitions = variableDefinitions,
            Directives = directives,
            SelectionSet = set,
            Location = Loc(start),
        };
    }

    // OperationType : one of query mutation subscription
    private OperationType ParseOperationType()
    {
        if (_lexer.Kind != TokenKind.Name) throw ExpectedError(TokenKind.Name);
        OperationType type;
        if (_lexer.IsKeyword("query")) type = OperationType.Query;
        else if (_lexer.IsKeyword("mutation")) type = OperationType.Mutation;
        else if (_lexer.IsKeyword("subscription")) type = OperationType.Subscription;
        else throw Unexpected();
        Advance();
        return type;
    }

    // VariableDefinitions : ( VariableDefinition+ )
    private IReadOnlyList<VariableDefinitionNode> ParseVariableDefinitions()
    {
        if (!ExpectOptionalToken(TokenKind.ParenL)) return Empty<VariableDefinitionNode>();
        int listMark = Mark();
        do
        {
            Push(ParseVariableDefinition());
        }
        while (!ExpectOptionalToken(TokenKind.ParenR));
        return PopArray<VariableDefinitionNode>(listMark);
    }

    // VariableDefinition : Variable : Type DefaultValue? Directives[Const]?
    private VariableDefinitionNode ParseVariableDefinition()
    {
        int start = _lexer.Start;
        var description = ParseDescription();
        var variable = ParseVariable();
        ExpectToken(TokenKind.Colon);
        var type = ParseTypeReference();
        ValueNode? defaultValue = ExpectOptionalToken(TokenKind.Equals) ? ParseValueLiteral(isConst: true) : null;
        var directives = ParseDirectives(isConst: true);
        return new VariableDefinitionNode
        {
            Description = description,
            Variable = variable,
            Type = type,
            DefaultValue = defaultValue,
            Directives = directives,
            Location = Loc(start),
        };
    }

    // Variable : $ Name
    private VariableNode ParseVariable()
    {
        int start = _lexer.Start;
        ExpectToken(TokenKind.Dollar);
        var name = ParseName();
        return new VariableNode { Name = name, Location = Loc(start) };
    }

    // SelectionSet : { Selection+ }
    private SelectionSetNode ParseSelectionSet()
    {
        int start = _lexer.Start;
        EnterNesting();
        ExpectToken(TokenKind.BraceL);
        int selectionsMark = Mark();
        do
        {
            Push(Peek(TokenKind.Spread) ? ParseFragment() : ParseField());
        }
        while (!ExpectOptionalToken(TokenKind.BraceR));
        ExitNesting();
        return new SelectionSetNode { Selections = PopArray<SelectionNode>(selectionsMark), Location = Loc(start) };
    }

    // Field : Alias? Name Arguments? Directives? SelectionSet?
    private FieldNode ParseField()
    {
        int start = _lexer.Start;
        var nameOrAlias = ParseName();
        NameNode? alias = null;
        NameNode name;
        if (ExpectOptionalToken(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }
        else
        {
            name = nameOrAlias;
        }
        var arguments = ParseArguments(isConst: false);
        var directives = ParseDirectives(isConst: false);
        var selectionSet = Peek(TokenKind.BraceL) ? ParseSelectionSet() : null;
        return new FieldNode
        {
            Alias = alias,
            Name = name,
            Arguments = arguments,
            Directives = directives,
            SelectionSet = selectionSet,
            Location = Loc(start),
        };
    }

    // Arguments[Const] : ( Argument[?Const]+ )
    private IReadOnlyList<ArgumentNode> ParseArguments(bool isConst)
    {
        if (!ExpectOptionalToken(TokenKind.ParenL)) return Empty<ArgumentNode>();
        int listMark = Mark();
        do
        {
            int start = _lexer.Start;
            var name = ParseName();
            ExpectToken(TokenKind.Colon);
            var value = ParseValueLiteral(isConst);
            Push(new ArgumentNode { Name = name, Value = value, Location = Loc(start) });
        }
        while (!ExpectOptionalToken(TokenKind.ParenR));
        return PopArray<ArgumentNode>(listMark);
    }

    // FragmentSpread : ... FragmentName Directives?
    // InlineFragment : ... TypeCondition? Directives? SelectionSet
    private SelectionNode ParseFragment()
    {
        int start = _lexer.Start;
        ExpectToken(TokenKind.Spread);
        bool hasTypeCondition = ExpectOptionalKeyword("on");
        if (!hasTypeCondition && Peek(TokenKind.Name))
        {
            var name = ParseFragmentName();
            var spreadDirectives = ParseDirectives(isConst: false);
            return new FragmentSpreadNode { Name = name, Directives = spreadDirectives, Location = Loc(start) };
        }
        var typeCondition = hasTypeCondition ? ParseNamedType() : null;
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new InlineFragmentNode
        {
            TypeCondition = typeCondition,
            Directives = directives,
            SelectionSet = selectionSet,
            Location = Loc(start),
        };
    }

    // FragmentDefinition : fragment FragmentName TypeCondition Directives? SelectionSet
    private FragmentDefinitionNode ParseFragmentDefinition()
    {
        int start = _lexer.Start;
        var description = ParseDescription();
        ExpectKeyword("fragment");
        var name = ParseFragmentName();
        ExpectKeyword("on");
        var typeCondition = ParseNamedType();
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new FragmentDefinitionNode
        {
            Description = description,
            Name = name,
            TypeCondition = typeCondition,
            Directives = directives,
            SelectionSet = selectionSet,
            Location = Loc(start),
        };
    }

    // FragmentName : Name but not `on`
    private NameNode ParseFragmentName()
    {
        if (_lexer.IsKeyword("on")) throw Unexpected();
        return ParseName();
    }
}
