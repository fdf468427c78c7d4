using CommunityModel.Lifecycle;

namespace CommunityModel.Tests.Lifecycle;

public class ValueChainGraphTests
{
    private readonly ValueChain _chain = new(new ValueChainOptions { MinimumPartnerReferrals = 3 }, TimeProvider.System);

    [Fact]
    public void Mermaid_shows_every_stage_in_chinese_and_english_and_guards_on_the_edges()
    {
        var mermaid = _chain.ToMermaid();

        Assert.StartsWith("stateDiagram-v2\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("    state \"潜在客户 Prospect\" as Prospect\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("    state \"合伙人 Partner\" as Partner\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("    [*] --> Prospect\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("    Prospect --> Fan : 加入引流群 Joined a lead group\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("    Member --> Partner : 达到合伙人资格 Met the partner qualification [持有有效KA会员或合伙人套餐 holds an active KA membership or the partner package； 成功推荐至少3人 has at least 3 successful referrals]\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("    Suspended --> Partner : 恢复 Reinstated (暂停前的阶段 the stage it was suspended from)\n", mermaid, StringComparison.Ordinal);
        Assert.Equal(_chain.Table.Entries.Length + 5, mermaid.Split('\n').Count(l => l.Contains(" --> ", StringComparison.Ordinal) && !l.Contains("[*]", StringComparison.Ordinal)));
    }

    [Fact]
    public void Mermaid_edge_labels_hold_no_character_that_ends_a_label_in_the_state_diagram_grammar()
    {
        // stateDiagram-v2 reads an edge's description up to ':', ';' or the end of the line; '"' ends a state name.
        var exports = new[] { _chain.ToMermaid(), new CommunityModel.Onboarding.OnboardingProcess(new CommunityModel.Onboarding.OnboardingOptions(), TimeProvider.System).ToMermaid() };

        foreach (var mermaid in exports)
        {
            foreach (var line in mermaid.Split('\n').Where(l => l.Contains(" --> ", StringComparison.Ordinal) && l.Contains(" : ", StringComparison.Ordinal)))
            {
                var label = line[(line.IndexOf(" : ", StringComparison.Ordinal) + 3)..];
                Assert.DoesNotContain(label, c => c is ';' or ':' or '"' or '\r');
            }
        }

        Assert.Contains("    Member --> Partner : 达到合伙人资格 Met the partner qualification [持有有效KA会员或合伙人套餐 holds an active KA membership or the partner package； 成功推荐至少3人 has at least 3 successful referrals]\n", exports[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Mermaid_text_replaces_every_character_the_grammar_breaks_on()
    {
        Assert.Equal("a；b：c'd' e f", StateGraph.MermaidText("a;b:c\"d\"\re\nf"));
    }

    [Fact]
    public void Dot_is_a_digraph_with_bilingual_labels()
    {
        var dot = _chain.ToDot();

        Assert.StartsWith("digraph \"ValueChain\" {\n", dot, StringComparison.Ordinal);
        Assert.Contains("    Member [label=\"会员\\nMember\"];\n", dot, StringComparison.Ordinal);
        Assert.Contains("    start -> Prospect;\n", dot, StringComparison.Ordinal);
        Assert.Contains("    Member -> Customer [label=\"会员退款 Membership refunded\\n[已说明原因 a reason is given]\"];\n", dot, StringComparison.Ordinal);
        Assert.EndsWith("}\n", dot, StringComparison.Ordinal);
    }
}
