using System.Text;

namespace CommunityModel.Lifecycle;

/// <summary>
/// Writes a compiled lifecycle as a Mermaid state diagram or a Graphviz DOT graph, labelled in Chinese and
/// English from the resources (never from identifiers), with guards on the edges that have them.
/// </summary>
internal static class StateGraph
{
    public static string ToMermaid<TStage, TTrigger, TContext>(
        TransitionTable<TStage, TTrigger, TContext> table, TStage initial, Func<TStage, LocalizedName> stageName, Func<TTrigger, LocalizedName> triggerName)
        where TStage : struct, Enum
        where TTrigger : struct, Enum
    {
        var text = new StringBuilder("stateDiagram-v2\n");
        foreach (var stage in table.Stages)
        {
            text.Append("    state \"").Append(MermaidText(stageName(stage).ToString())).Append("\" as ").Append(stage).Append('\n');
        }

        text.Append("    [*] --> ").Append(initial).Append('\n');
        foreach (var (entry, destination) in Edges(table))
        {
            text.Append("    ").Append(entry.Source).Append(" --> ").Append(destination).Append(" : ").Append(MermaidText(Label(entry, triggerName, " "))).Append('\n');
        }

        return text.ToString();
    }

    public static string ToDot<TStage, TTrigger, TContext>(
        TransitionTable<TStage, TTrigger, TContext> table, string name, TStage initial, Func<TStage, LocalizedName> stageName, Func<TTrigger, LocalizedName> triggerName)
        where TStage : struct, Enum
        where TTrigger : struct, Enum
    {
        var text = new StringBuilder();
        text.Append("digraph \"").Append(Dot(name)).Append("\" {\n");
        text.Append("    rankdir=LR;\n    node [shape=box, style=rounded];\n    start [shape=point];\n");
        foreach (var stage in table.Stages)
        {
            var label = stageName(stage);
            text.Append("    ").Append(stage).Append(" [label=\"").Append(Dot(label.Chinese)).Append("\\n").Append(Dot(label.English)).Append("\"];\n");
        }

        text.Append("    start -> ").Append(initial).Append(";\n");
        foreach (var (entry, destination) in Edges(table))
        {
            text.Append("    ").Append(entry.Source).Append(" -> ").Append(destination).Append(" [label=\"").Append(Dot(Label(entry, triggerName, "\n"))).Append("\"];\n");
        }

        text.Append("}\n");
        return text.ToString();
    }

    private static IEnumerable<(TableEntry<TStage, TTrigger, TContext> Entry, TStage Destination)> Edges<TStage, TTrigger, TContext>(TransitionTable<TStage, TTrigger, TContext> table)
        where TStage : struct, Enum
        where TTrigger : struct, Enum
    {
        foreach (var entry in table.Entries)
        {
            if (entry.Selector is null)
            {
                yield return (entry, entry.Destination);
                continue;
            }

            foreach (var possible in entry.Selector.Possible)
            {
                yield return (entry, possible);
            }
        }
    }

    private static string Label<TStage, TTrigger, TContext>(TableEntry<TStage, TTrigger, TContext> entry, Func<TTrigger, LocalizedName> triggerName, string separator)
        where TStage : struct, Enum
        where TTrigger : struct, Enum
    {
        var label = new StringBuilder(triggerName(entry.Trigger).ToString());
        if (entry.Selector is not null)
        {
            label.Append(separator).Append('(').Append(entry.Selector.Description).Append(')');
        }

        if (entry.Conditions.Length > 0)
        {
            label.Append(separator).Append('[').AppendJoin("; ", entry.Conditions.Select(c => c.Description.ToString())).Append(']');
        }

        return label.ToString();
    }

    /// <summary>
    /// Text safe inside a Mermaid state diagram's state name or edge description. The grammar reads a description
    /// up to ':', ';' or the end of the line and a state name up to '"', so the colon and semicolon become their
    /// full-width forms (：；), a double quote becomes a single one, and line breaks become spaces.
    /// </summary>
    internal static string MermaidText(string text) => text
        .Replace("\"", "'", StringComparison.Ordinal)
        .Replace(":", "：", StringComparison.Ordinal)
        .Replace(";", "；", StringComparison.Ordinal)
        .Replace("\r\n", " ", StringComparison.Ordinal)
        .Replace('\r', ' ')
        .Replace('\n', ' ');

    private static string Dot(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
