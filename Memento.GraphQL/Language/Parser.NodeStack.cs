// Lists without List<T>: while a list is parsed its items sit on one scratch stack shared by the whole parse
// (nested lists finish before their parent continues, so they nest as a stack), then move to an exact-size array.
// This saves a List object and its growth copies for every selection set, argument list and directive list.
namespace Memento.GraphQL.Language;

using Memento.GraphQL.Language.Ast;

public sealed partial class Parser
{
    [ThreadStatic]
    private static Node[]? t_scratch;

    private Node[] _scratch = Array.Empty<Node>();
    private int _scratchCount;
    private int _scratchHigh;

    private int Mark() => _scratchCount;

    private void Push(Node node)
    {
        if (_scratchCount == _scratch.Length)
        {
            if (_scratch.Length == 0)
            {
                // Borrow the thread's buffer; a nested parse on the same thread would simply allocate its own.
                _scratch = t_scratch ?? new Node[64];
                t_scratch = null;
            }
            if (_scratchCount == _scratch.Length) Array.Resize(ref _scratch, _scratch.Length * 2);
        }
        _scratch[_scratchCount++] = node;
        if (_scratchCount > _scratchHigh) _scratchHigh = _scratchCount;
    }

    private T[] PopArray<T>(int mark) where T : Node
    {
        int count = _scratchCount - mark;
        var items = new T[count];
        for (int i = 0; i < count; i++) items[i] = (T)_scratch[mark + i];
        _scratchCount = mark;
        return items;
    }

    /// <summary>Gives the scratch buffer back to the thread, without references that would keep an AST alive.</summary>
    private void ReturnScratch()
    {
        if (_scratch.Length == 0 || _scratch.Length > 4096) return;
        Array.Clear(_scratch, 0, _scratchHigh);
        t_scratch = _scratch;
        _scratch = Array.Empty<Node>();
    }
}
