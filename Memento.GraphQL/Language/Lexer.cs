// The lexer: https://spec.graphql.org/October2021/#sec-Appendix-Grammar-Summary.Lexical-Tokens
// Mirrors graphql-js lexer.ts (same tokens, same error positions and texts) but scans the UTF-16 string in
// place: a token is a kind plus offsets, and only string literals get a value computed while scanning.
namespace Memento.GraphQL.Language;

using System.Text;
using Memento.GraphQL.Errors;

/// <summary>
/// A mutable struct held by the parser: the current token is (<see cref="Kind"/>, <see cref="Start"/>,
/// <see cref="End"/>). Copying the struct gives a cheap lookahead.
/// </summary>
internal struct Lexer
{
    private readonly Source _source;
    private readonly string _body;
    private StringBuilder? _builder;

    public Lexer(Source source)
    {
        _source = source;
        _body = source.Body;
        Kind = TokenKind.StartOfFile;
    }

    public TokenKind Kind { get; private set; }

    public int Start { get; private set; }

    public int End { get; private set; }

    /// <summary>The end of the previous token: where a node that ended with it ends.</summary>
    public int PreviousEnd { get; private set; }

    /// <summary>The decoded value of a String or BlockString token.</summary>
    public string? StringValue { get; private set; }

    public readonly Source Source => _source;

    /// <summary>Moves to the next token, skipping ignored tokens. Stays on EndOfFile once there.</summary>
    public void Advance()
    {
        PreviousEnd = End;
        if (Kind != TokenKind.EndOfFile) ReadNextToken(End);
    }

    /// <summary>True when the current token is the name <paramref name="keyword"/> (no allocation).</summary>
    public readonly bool IsKeyword(string keyword) =>
        Kind == TokenKind.Name && End - Start == keyword.Length &&
        string.CompareOrdinal(_body, Start, keyword, 0, keyword.Length) == 0;

    /// <summary>The current token's text (names and numbers) or decoded value (strings).</summary>
    public readonly string Value => Kind is TokenKind.String or TokenKind.BlockString
        ? StringValue!
        : _body.Substring(Start, End - Start);

    /// <summary>graphql-js getTokenDesc: the kind, plus the value in quotes for tokens that have one.</summary>
    public readonly string Describe() => Kind switch
    {
        TokenKind.Name or TokenKind.Int or TokenKind.Float or TokenKind.String or TokenKind.BlockString =>
            Kind.Describe() + " \"" + Value + "\"",
        _ => Kind.Describe(),
    };

    private void ReadNextToken(int position)
    {
        var body = _body;
        int length = body.Length;
        while (position < length)
        {
            char code = body[position];
            switch (code)
            {
                // Ignored tokens: BOM, white space, line terminators, commas.
                case '\uFEFF':
                case '\t':
                case ' ':
                case ',':
                case '\n':
                case '\r':
                    position++;
                    continue;
                case '#':
                    position = SkipComment(position);
                    continue;
                case '!': Set(TokenKind.Bang, position, position + 1); return;
                case '$': Set(TokenKind.Dollar, position, position + 1); return;
                case '&': Set(TokenKind.Amp, position, position + 1); return;
                case '(': Set(TokenKind.ParenL, position, position + 1); return;
                case ')': Set(TokenKind.ParenR, position, position + 1); return;
                case '.':
                    if (position + 2 < length && body[position + 1] == '.' && body[position + 2] == '.')
                    {
                        Set(TokenKind.Spread, position, position + 3);
                        return;
                    }
                    break;
                case ':': Set(TokenKind.Colon, position, position + 1); return;
                case '=': Set(TokenKind.Equals, position, position + 1); return;
                case '@': Set(TokenKind.At, position, position + 1); return;
                case '[': Set(TokenKind.BracketL, position, position + 1); return;
                case ']': Set(TokenKind.BracketR, position, position + 1); return;
                case '{': Set(TokenKind.BraceL, position, position + 1); return;
                case '|': Set(TokenKind.Pipe, position, position + 1); return;
                case '}': Set(TokenKind.BraceR, position, position + 1); return;
                case '"':
                    if (position + 2 < length && body[position + 1] == '"' && body[position + 2] == '"')
                        ReadBlockString(position);
                    else
                        ReadString(position);
                    return;
            }

            if (IsDigit(code) || code == '-')
            {
                ReadNumber(position, code);
                return;
            }
            if (IsNameStart(code))
            {
                int end = position + 1;
                while (end < length && IsNameContinue(body[end])) end++;
                Set(TokenKind.Name, position, end);
                return;
            }

            throw Error(position, code == '\''
                ? ErrorMessages.UnexpectedSingleQuote
                : IsUnicodeScalarValue(code) || IsSupplementaryCodePoint(position)
                    ? ErrorMessages.UnexpectedCharacter(PrintCodePointAt(position))
                    : ErrorMessages.InvalidCharacter(PrintCodePointAt(position)));
        }
        Set(TokenKind.EndOfFile, length, length);
    }

    private void Set(TokenKind kind, int start, int end)
    {
        Kind = kind;
        Start = start;
        End = end;
        StringValue = null;
    }

    // Comment :: # CommentChar* — ends at a line terminator or at a character that is not a SourceCharacter
    // (which the next token read then reports).
    private readonly int SkipComment(int position)
    {
        var body = _body;
        position++;
        while (position < body.Length)
        {
            char code = body[position];
            if (code == '\n' || code == '\r') break;
            if (IsUnicodeScalarValue(code)) position++;
            else if (IsSupplementaryCodePoint(position)) position += 2;
            else break;
        }
        return position;
    }

    // https://spec.graphql.org/October2021/#IntValue and #FloatValue
    private void ReadNumber(int start, char first)
    {
        int position = start;
        int code = first;
        bool isFloat = false;
        if (code == '-') code = CharAt(++position);
        if (code == '0')
        {
            code = CharAt(++position);
            if (IsDigit(code)) throw Error(position, ErrorMessages.UnexpectedDigitAfterZero(PrintCodePointAt(position)));
        }
        else
        {
            position = ReadDigits(position, code);
            code = CharAt(position);
        }
        if (code == '.')
        {
            isFloat = true;
            code = CharAt(++position);
            position = ReadDigits(position, code);
            code = CharAt(position);
        }
        if (code == 'E' || code == 'e')
        {
            isFloat = true;
            code = CharAt(++position);
            if (code == '+' || code == '-') code = CharAt(++position);
            position = ReadDigits(position, code);
            code = CharAt(position);
        }
        // A number may not be directly followed by '.' or a NameStart (lookahead restriction).
        if (code == '.' || IsNameStart(code)) throw Error(position, ErrorMessages.ExpectedDigit(PrintCodePointAt(position)));
        Set(isFloat ? TokenKind.Float : TokenKind.Int, start, position);
    }

    private readonly int ReadDigits(int start, int first)
    {
        if (!IsDigit(first)) throw Error(start, ErrorMessages.ExpectedDigit(PrintCodePointAt(start)));
        var body = _body;
        int position = start + 1;
        while (position < body.Length && IsDigit(body[position])) position++;
        return position;
    }

    // https://spec.graphql.org/October2021/#StringValue — the common case (no escapes) is one Substring.
    private void ReadString(int start)
    {
        var body = _body;
        int length = body.Length;
        int position = start + 1;
        int chunkStart = position;
        StringBuilder? value = null;
        while (position < length)
        {
            char code = body[position];
            if (code == '"')
            {
                string text;
                if (value is null)
                {
                    text = body.Substring(chunkStart, position - chunkStart);
                }
                else
                {
                    value.Append(body, chunkStart, position - chunkStart);
                    text = value.ToString();
                }
                Set(TokenKind.String, start, position + 1);
                StringValue = text;
                return;
            }
            if (code == '\\')
            {
                value ??= RentBuilder();
                value.Append(body, chunkStart, position - chunkStart);
                int size;
                if (CharAt(position + 1) == 'u')
                    size = CharAt(position + 2) == '{'
                        ? ReadEscapedUnicodeVariableWidth(position, value)
                        : ReadEscapedUnicodeFixedWidth(position, value);
                else
                    size = ReadEscapedCharacter(position, value);
                position += size;
                chunkStart = position;
                continue;
            }
            if (code == '\n' || code == '\r') break;
            if (IsUnicodeScalarValue(code)) position++;
            else if (IsSupplementaryCodePoint(position)) position += 2;
            else throw Error(position, ErrorMessages.InvalidCharacterWithinString(PrintCodePointAt(position)));
        }
        throw Error(position, ErrorMessages.UnterminatedString);
    }

    private StringBuilder RentBuilder()
    {
        _builder ??= new StringBuilder();
        _builder.Clear();
        return _builder;
    }

    // \u{X…}: up to 6 hex digits naming a Unicode scalar value.
    private readonly int ReadEscapedUnicodeVariableWidth(int position, StringBuilder value)
    {
        int point = 0;
        int size = 3;
        while (size < 12)
        {
            int code = CharAt(position + size++);
            if (code == '}')
            {
                if (size < 5 || !IsUnicodeScalarValue(point)) break;
                AppendCodePoint(value, point);
                return size;
            }
            point = (point << 4) | ReadHexDigit(code);
            if (point < 0) break;
        }
        throw Error(position, ErrorMessages.InvalidUnicodeEscape(Slice(position, position + size)));
    }

    // \uXXXX, where a leading surrogate must be followed by an escaped trailing surrogate (JSON style).
    private readonly int ReadEscapedUnicodeFixedWidth(int position, StringBuilder value)
    {
        int code = Read16BitHexCode(position + 2);
        if (IsUnicodeScalarValue(code))
        {
            value.Append((char)code);
            return 6;
        }
        if (code >= 0xD800 && code <= 0xDBFF && CharAt(position + 6) == '\\' && CharAt(position + 7) == 'u')
        {
            int trailing = Read16BitHexCode(position + 8);
            if (trailing >= 0xDC00 && trailing <= 0xDFFF)
            {
                value.Append((char)code).Append((char)trailing);
                return 12;
            }
        }
        throw Error(position, ErrorMessages.InvalidUnicodeEscape(Slice(position, position + 6)));
    }

    private readonly int ReadEscapedCharacter(int position, StringBuilder value)
    {
        char escaped;
        switch (CharAt(position + 1))
        {
            case '"': escaped = '"'; break;
            case '\\': escaped = '\\'; break;
            case '/': escaped = '/'; break;
            case 'b': escaped = '\b'; break;
            case 'f': escaped = '\f'; break;
            case 'n': escaped = '\n'; break;
            case 'r': escaped = '\r'; break;
            case 't': escaped = '\t'; break;
            default: throw Error(position, ErrorMessages.InvalidCharacterEscape(Slice(position, position + 2)));
        }
        value.Append(escaped);
        return 2;
    }

    // https://spec.graphql.org/October2021/#BlockStringCharacter — lines are collected, then dedented
    // (BlockStringValue), exactly as graphql-js does.
    private void ReadBlockString(int start)
    {
        var body = _body;
        int length = body.Length;
        int position = start + 3;
        int chunkStart = position;
        var currentLine = new StringBuilder();
        var lines = new List<string>();
        while (position < length)
        {
            char code = body[position];
            if (code == '"' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"')
            {
                currentLine.Append(body, chunkStart, position - chunkStart);
                lines.Add(currentLine.ToString());
                Set(TokenKind.BlockString, start, position + 3);
                StringValue = BlockString.Dedent(lines);
                return;
            }
            if (code == '\\' && CharAt(position + 1) == '"' && CharAt(position + 2) == '"' && CharAt(position + 3) == '"')
            {
                // \""" is an escaped triple quote: drop the backslash, keep the quotes.
                currentLine.Append(body, chunkStart, position - chunkStart);
                chunkStart = position + 1;
                position += 4;
                continue;
            }
            if (code == '\n' || code == '\r')
            {
                currentLine.Append(body, chunkStart, position - chunkStart);
                lines.Add(currentLine.ToString());
                currentLine.Clear();
                position += code == '\r' && CharAt(position + 1) == '\n' ? 2 : 1;
                chunkStart = position;
                continue;
            }
            if (IsUnicodeScalarValue(code)) position++;
            else if (IsSupplementaryCodePoint(position)) position += 2;
            else throw Error(position, ErrorMessages.InvalidCharacterWithinString(PrintCodePointAt(position)));
        }
        throw Error(position, ErrorMessages.UnterminatedString);
    }

    private readonly int Read16BitHexCode(int position) =>
        (ReadHexDigit(CharAt(position)) << 12) | (ReadHexDigit(CharAt(position + 1)) << 8) |
        (ReadHexDigit(CharAt(position + 2)) << 4) | ReadHexDigit(CharAt(position + 3));

    private static int ReadHexDigit(int code) => code switch
    {
        >= '0' and <= '9' => code - '0',
        >= 'A' and <= 'F' => code - 'A' + 10,
        >= 'a' and <= 'f' => code - 'a' + 10,
        _ => -1,
    };

    private static void AppendCodePoint(StringBuilder value, int point)
    {
        if (point < 0x10000)
        {
            value.Append((char)point);
        }
        else
        {
            point -= 0x10000;
            value.Append((char)(0xD800 + (point >> 10))).Append((char)(0xDC00 + (point & 0x3FF)));
        }
    }

    /// <summary>The char at an offset, or -1 past the end (graphql-js reads NaN there).</summary>
    private readonly int CharAt(int position) => (uint)position < (uint)_body.Length ? _body[position] : -1;

    private readonly string Slice(int start, int end) =>
        _body.Substring(start, Math.Min(end, _body.Length) - start);

    private readonly bool IsSupplementaryCodePoint(int position) =>
        position + 1 < _body.Length && char.IsHighSurrogate(_body[position]) && char.IsLowSurrogate(_body[position + 1]);

    /// <summary>graphql-js printCodePointAt: "x" for printable ASCII, U+XXXX otherwise, &lt;EOF&gt; at the end.</summary>
    private readonly string PrintCodePointAt(int position)
    {
        if (position >= _body.Length) return "<EOF>";
        int code = IsSupplementaryCodePoint(position)
            ? char.ConvertToUtf32(_body[position], _body[position + 1])
            : _body[position];
        if (code >= 0x20 && code <= 0x7E) return code == '"' ? "'\"'" : "\"" + (char)code + "\"";
        return "U+" + code.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
    }

    private readonly GraphQLSyntaxError Error(int position, string description) => new(_source, position, description);

    private static bool IsDigit(int code) => (uint)(code - '0') <= 9;

    internal static bool IsNameStart(int code) => (uint)((code | 0x20) - 'a') <= 'z' - 'a' || code == '_';

    internal static bool IsNameContinue(int code) => IsNameStart(code) || IsDigit(code);

    private static bool IsUnicodeScalarValue(int code) => (code >= 0 && code <= 0xD7FF) || (code >= 0xE000 && code <= 0x10FFFF);
}
