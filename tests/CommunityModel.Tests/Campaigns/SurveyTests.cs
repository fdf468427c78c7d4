using CommunityModel.Campaigns;
using CommunityModel.Campaigns.Surveys;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Campaigns;

/// <summary>The survey (社群表单): questions, answers and an intent rule as data that flags the leads.</summary>
public class SurveyTests
{
    private readonly FakeTimeProvider _clock = new(PlayFixture.Start);
    private readonly CommunityModel.Community _community;
    private readonly Survey _survey;

    public SurveyTests()
    {
        _community = PlayFixture.Community(_clock, 4);
        _survey = new Survey(_community, PlayFixture.Options(), _clock);
    }

    // The seed's reasons for joining the group: to try Java, to find a career direction, to clear other doubts.
    internal static SurveyQuestion[] Questions { get; } =
    [
        new("goal", "你进群的目的是？", ["体验JAVA", "明确择业方向", "解决其他困惑"]),
        new("status", "你目前是？", ["在校大学生", "职场1-5年", "其他"]),
        new("invest", "愿意投入时间系统学习吗？", ["愿意", "再看看"]),
        new("note", "还有什么想说的？", []),
    ];

    // Intent: a career direction, or in work, together with willingness to invest: two of the three conditions.
    internal static IntentRule Rule { get; } = new(
        [new IntentCondition("goal", ["明确择业方向"]), new IntentCondition("status", ["职场1-5年"]), new IntentCondition("invest", ["愿意"])],
        MinimumMet: 2);

    private static SurveyAnswer[] Answers(string goal, string status, string invest) =>
        [new("goal", goal), new("status", status), new("invest", invest), new("note", "无")];

    [Fact]
    public void Two_of_three_intent_conditions_flag_a_lead_and_one_does_not()
    {
        var events = new List<IPlayEvent>(_survey.Open("sv-1", "学习需求调研", Questions, Rule).Events);
        events.AddRange(_survey.Answer(1, Answers("明确择业方向", "在校大学生", "愿意")).Events);
        events.AddRange(_survey.Answer(2, Answers("体验JAVA", "职场1-5年", "再看看")).Events);
        events.AddRange(_survey.Answer(3, Answers("体验JAVA", "职场1-5年", "愿意")).Events);
        events.AddRange(_survey.Close().Events);

        Assert.Equal([1, 3], _survey.State.Leads.Select(m => (int)m.Value));
        Assert.Equal(SurveyStage.Closed, _survey.State.Stage);
        Assert.Equal(PlayFixture.Json(_survey.State), PlayFixture.Json(Survey.Replay(events, _community, PlayFixture.Options(), _clock).State));
    }

    [Fact]
    public void Every_refusal_names_its_reason()
    {
        PlayFixture.Refused<CampaignException>(() => _survey.Answer(1, Answers("体验JAVA", "其他", "愿意")), ErrorCodes.CampaignInvalidTransition);
        PlayFixture.Refused<CampaignException>(() => _survey.Open("sv-1", "t", [], Rule), ErrorCodes.CampaignInvalidRequest);
        PlayFixture.Refused<CampaignException>(() => _survey.Open("sv-1", "t", Questions, Rule with { MinimumMet = 4 }), ErrorCodes.CampaignInvalidRequest);
        PlayFixture.Refused<CampaignException>(() => _survey.Open("sv-1", "t", Questions, new IntentRule([new IntentCondition("goal", ["月薪过万"])], 1)), ErrorCodes.CampaignInvalidRequest);
        PlayFixture.Refused<CampaignException>(() => _survey.Open("sv-1", "t", [Questions[0], Questions[0]], Rule), ErrorCodes.CampaignInvalidRequest);
        _survey.Open("sv-1", "t", Questions, Rule);
        PlayFixture.Refused<CampaignException>(() => _survey.Answer(1, Answers("转行", "其他", "愿意")), ErrorCodes.CampaignInvalidAnswer);
        PlayFixture.Refused<CampaignException>(() => _survey.Answer(1, Answers("体验JAVA", "其他", "愿意")[..3]), ErrorCodes.CampaignInvalidAnswer);
        PlayFixture.Refused<CampaignException>(() => _survey.Answer(1, [.. Answers("体验JAVA", "其他", "愿意"), new SurveyAnswer("age", "20")]), ErrorCodes.CampaignInvalidAnswer);
        PlayFixture.Refused<CampaignException>(() => _survey.Answer(99, Answers("体验JAVA", "其他", "愿意")), ErrorCodes.CampaignInvalidRequest);
        _survey.Answer(1, Answers("体验JAVA", "其他", "愿意"));
        PlayFixture.Refused<CampaignException>(() => _survey.Answer(1, Answers("体验JAVA", "其他", "愿意")), ErrorCodes.CampaignAlreadyJoined);
        _survey.Close();
        PlayFixture.Refused<CampaignException>(() => _survey.Close(), ErrorCodes.CampaignInvalidTransition);
        PlayFixture.Refused<CampaignException>(() => _survey.Answer(2, Answers("体验JAVA", "其他", "愿意")), ErrorCodes.CampaignInvalidTransition);
    }

    [Fact]
    public void Replay_refuses_an_answer_whose_flag_the_rule_does_not_give()
    {
        var events = new List<IPlayEvent>(_survey.Open("sv-1", "t", Questions, Rule).Events);
        events.Add(new SurveyAnswered("sv-1", 1, [.. Answers("体验JAVA", "其他", "再看看")], true, PlayFixture.Start));

        Assert.Equal(1, Assert.Throws<ReplayException>(() => Survey.Replay(events, _community, PlayFixture.Options(), _clock)).Index);
    }
}
