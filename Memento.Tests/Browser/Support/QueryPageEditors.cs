using Microsoft.Playwright;

namespace Memento.Tests.Browser.Support;

/// <summary>What a person does in the /graphql page's CodeMirror editors (query, variables, headers).</summary>
public static class QueryPageEditors
{
    public static ILocator Editor(IPage page, string name) => page.Locator($"#{name}-editor .cm-content");

    /// <summary>Selects all the editor holds and types <paramref name="text"/> in its place.</summary>
    public static async Task ReplaceAsync(IPage page, string name, string text)
    {
        await Editor(page, name).ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");
        if (text.Length > 0) await page.Keyboard.InsertTextAsync(text);
    }

    /// <summary>The editor's text, as the form's hidden text area holds it.</summary>
    public static Task<string> TextAsync(IPage page, string name) => page.Locator($"#{name}").InputValueAsync();

    /// <summary>Moves the mouse over the first occurrence of <paramref name="word"/> in the editor.</summary>
    public static async Task HoverWordAsync(IPage page, string name, string word)
    {
        var box = await Editor(page, name).EvaluateAsync<double[]>("""
            (content, word) => {
              const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.data.indexOf(word);
                if (at < 0) continue;
                const range = document.createRange();
                range.setStart(node, at + 1);
                range.setEnd(node, at + word.length - 1);
                const rect = range.getBoundingClientRect();
                return [rect.x + rect.width / 2, rect.y + rect.height / 2];
              }
              return null;
            }
            """, word);
        Assert.True(box is not null, $"\"{word}\" is not in the {name} editor");
        await page.Mouse.MoveAsync((float)box![0], (float)box[1]);
    }
}
