using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CommunityModel.Demo;

/// <summary>
/// A horizontal bar chart whose bars are proportional to their values: the longest value fills the bar width and every
/// other bar is <c>value / max</c> of it, to an eighth of a character. Spectre's <c>BarChart</c> shortens each bar by the
/// width of its value label, so its bars are not proportional (¥279,005.91 drew 2 blocks beside ¥440,967.68's 9); here
/// the labels sit in their own columns, left and right of a bar column of one fixed width.
/// </summary>
public sealed class ProportionalBarChart : Renderable
{
    private static readonly string[] Eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    private readonly List<(string Label, double Value, Color Color)> _items = [];

    /// <summary>Creates a chart.</summary>
    /// <param name="title">The chart's title, written above it.</param>
    /// <param name="barWidth">The width, in characters, of the longest bar.</param>
    public ProportionalBarChart(string title, int barWidth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(barWidth, 1);
        Title = title;
        BarWidth = barWidth;
    }

    /// <summary>The chart's title.</summary>
    public string Title { get; }

    /// <summary>The width of the longest bar, in characters.</summary>
    public int BarWidth { get; }

    /// <summary>Adds a bar.</summary>
    /// <param name="label">What the bar stands for.</param>
    /// <param name="value">Its value; negative values draw no bar.</param>
    /// <param name="color">The bar's colour.</param>
    /// <returns>This chart.</returns>
    public ProportionalBarChart Add(string label, double value, Color color)
    {
        _items.Add((label, value, color));
        return this;
    }

    /// <summary>The length of each bar in eighths of a character: <c>round(value / max × width × 8)</c>.</summary>
    /// <param name="values">The values.</param>
    /// <param name="barWidth">The width of the longest bar.</param>
    /// <returns>The lengths, in the values' order.</returns>
    public static int[] Eighths8(IReadOnlyList<double> values, int barWidth)
    {
        var max = values.Count == 0 ? 0 : values.Max();
        return [.. values.Select(v => max <= 0 || v <= 0 ? 0 : (int)Math.Round(v / max * barWidth * 8, MidpointRounding.AwayFromZero))];
    }

    /// <summary>A bar of <paramref name="eighths"/> eighths of a character, as block characters.</summary>
    /// <param name="eighths">The length.</param>
    /// <returns>The bar.</returns>
    public static string Bar(int eighths) => new string('█', eighths / 8) + Eighths[eighths % 8];

    /// <inheritdoc/>
    protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        var lengths = Eighths8([.. _items.Select(i => i.Value)], BarWidth);
        var labelWidth = _items.Count == 0 ? 0 : _items.Max(i => i.Label.GetCellWidth());
        yield return new Segment(Title, new Style(decoration: Decoration.Bold));
        yield return Segment.LineBreak;
        for (var i = 0; i < _items.Count; i++)
        {
            var (label, value, color) = _items[i];
            var bar = Bar(lengths[i]);
            yield return new Segment(label + new string(' ', labelWidth - label.GetCellWidth()) + " │");
            yield return new Segment(bar, new Style(color));
            yield return new Segment(new string(' ', BarWidth - bar.Length + 1) + value.ToString("#,##0.##", CultureInfo.InvariantCulture));
            yield return Segment.LineBreak;
        }
    }
}
