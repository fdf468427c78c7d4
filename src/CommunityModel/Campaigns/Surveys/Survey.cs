using System.Collections.Immutable;

namespace CommunityModel.Campaigns.Surveys;

/// <summary>
/// A community survey (社群表单): the community's everyday research that hears members' needs and sifts out those with
/// purchase intent. Its questions and its <see cref="IntentRule"/> are data; each member answers once, every question,
/// and the rule flags the member as a lead or not in the answer's event.
/// </summary>
public sealed class Survey : CampaignPlay
{
    private readonly List<SurveyAnswered> _responses = [];
    private SurveyOpened? _setup;
    private SurveyStage _stage;

    /// <summary>Creates a survey not opened yet.</summary>
    /// <param name="community">The community whose members answer.</param>
    /// <param name="options">The rules.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="CampaignException">The options are unusable (<see cref="ErrorCodes.CampaignInvalidOptions"/>).</exception>
    public Survey(Community community, CampaignOptions options, TimeProvider timeProvider)
        : base(community, options, timeProvider)
    {
    }

    /// <summary>The lifecycle every survey follows.</summary>
    public static PlayLifecycle<SurveyStage, SurveyTrigger> Lifecycle { get; } = new(PlayKind.Survey, SurveyStage.Open, m =>
        m.Configure(SurveyStage.Open).Permit(SurveyTrigger.Closed, SurveyStage.Closed));

    /// <inheritdoc/>
    public override PlayKind Kind => PlayKind.Survey;

    /// <summary>The survey as it stands.</summary>
    /// <exception cref="CampaignException">It is not open yet (<see cref="ErrorCodes.CampaignInvalidTransition"/>).</exception>
    public SurveyState State
    {
        get
        {
            lock (Gate)
            {
                return new SurveyState(Setup, _stage, [.. _responses]);
            }
        }
    }

    private SurveyOpened Setup => _setup ?? throw new CampaignException(ErrorCodes.CampaignInvalidTransition, "The survey is not open yet.", "PlayId");

    /// <summary>Rebuilds a survey from its stored events, in the order they were stored.</summary>
    /// <param name="events">The play's events.</param>
    /// <param name="community">The community.</param>
    /// <param name="options">The rules.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The survey.</returns>
    /// <exception cref="ReplayException">An event does not fit (<see cref="ErrorCodes.CampaignReplayMismatch"/>), at its index.</exception>
    public static Survey Replay(IEnumerable<IPlayEvent> events, Community community, CampaignOptions options, TimeProvider timeProvider) =>
        ReplayInto(new Survey(community, options, timeProvider), events);

    /// <summary>Opens the survey.</summary>
    /// <param name="playId">The play's id.</param>
    /// <param name="title">Its title.</param>
    /// <param name="questions">Its questions: at least one, distinct ids, choices distinct when given.</param>
    /// <param name="rule">The intent rule: conditions on known questions and choices, a minimum between 1 and their number.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="CampaignException">It is open already, or a question or the rule is unusable (<see cref="ErrorCodes.CampaignInvalidRequest"/>).</exception>
    public PlaySale Open(string playId, string title, IReadOnlyList<SurveyQuestion> questions, IntentRule rule) => Decide(() =>
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(rule);
        RequireNew();
        var opened = new SurveyOpened(Required(playId, "PlayId"), Required(title, "Title"), [.. questions], rule, Now);
        return SetupProblem(opened) is { } problem
            ? throw new CampaignException(ErrorCodes.CampaignInvalidRequest, problem, "Questions")
            : [opened];
    });

    /// <summary>A member answers every question; the rule decides whether the member is a lead.</summary>
    /// <param name="member">The member, registered in the community.</param>
    /// <param name="answers">One answer per question.</param>
    /// <returns>The event to store, saying whether intent was flagged.</returns>
    /// <exception cref="CampaignException">
    /// The survey is closed, the member answered already (<see cref="ErrorCodes.CampaignAlreadyJoined"/>), or an answer does not fit
    /// (<see cref="ErrorCodes.CampaignInvalidAnswer"/>: an unknown question, a choice not offered, a question left out or answered twice).
    /// </exception>
    public PlaySale Answer(MemberId member, IReadOnlyList<SurveyAnswer> answers) => Decide(() =>
    {
        ArgumentNullException.ThrowIfNull(answers);
        var setup = Setup;
        if (_stage != SurveyStage.Open)
        {
            throw new CampaignException(ErrorCodes.CampaignInvalidTransition, $"Survey '{setup.PlayId}' is closed.", "PlayId");
        }

        if (_responses.Any(r => r.Member == member))
        {
            throw new CampaignException(ErrorCodes.CampaignAlreadyJoined, $"Member {member} answered survey '{setup.PlayId}' already.", "Member");
        }

        RequireMember(member, "Member");
        if (AnswerProblem(setup, answers) is { } problem)
        {
            throw new CampaignException(ErrorCodes.CampaignInvalidAnswer, problem, "Answers");
        }

        ImmutableArray<SurveyAnswer> ordered = [.. setup.Questions.Select(q => answers.First(a => a.QuestionId == q.Id))];
        return [new SurveyAnswered(setup.PlayId, member, ordered, setup.Rule.Flags(ordered), Now)];
    });

    /// <summary>Closes the survey.</summary>
    /// <returns>The event to store.</returns>
    /// <exception cref="CampaignException">It is closed already (<see cref="ErrorCodes.CampaignInvalidTransition"/>).</exception>
    public PlaySale Close() => Decide(() =>
    {
        var setup = Setup;
        Lifecycle.Next(_stage, SurveyTrigger.Closed);
        return [new SurveyClosed(setup.PlayId, _responses.Count, Now)];
    });

    private static string? SetupProblem(SurveyOpened s)
    {
        var questions = s.Questions.IsDefault ? [] : s.Questions;
        if (questions.Length == 0 || questions.Any(q => q is null || string.IsNullOrWhiteSpace(q.Id) || string.IsNullOrWhiteSpace(q.Text)))
        {
            return "A survey has at least one question, each with an id and a text.";
        }

        if (questions.Select(q => q.Id).Distinct(StringComparer.Ordinal).Count() != questions.Length)
        {
            return "Question ids repeat.";
        }

        if (questions.Any(q => !q.Choices.IsDefault && (q.Choices.Any(string.IsNullOrWhiteSpace) || q.Choices.Distinct(StringComparer.Ordinal).Count() != q.Choices.Length)))
        {
            return "A question's choices must be distinct and not empty.";
        }

        var conditions = s.Rule?.Conditions is { IsDefault: false } c ? c : [];
        if (s.Rule is null || conditions.Length == 0 || s.Rule.MinimumMet < 1 || s.Rule.MinimumMet > conditions.Length)
        {
            return $"The intent rule needs at least one condition and a minimum between 1 and the number of conditions ({conditions.Length}).";
        }

        foreach (var condition in conditions)
        {
            var question = questions.FirstOrDefault(q => q.Id == condition.QuestionId);
            if (question is null || condition.Answers.IsDefaultOrEmpty || (!question.Choices.IsDefaultOrEmpty && condition.Answers.Any(a => !question.Choices.Contains(a, StringComparer.Ordinal))))
            {
                return $"An intent condition names question '{condition.QuestionId}', which is unknown, or answers it does not offer.";
            }
        }

        return null;
    }

    private static string? AnswerProblem(SurveyOpened setup, IEnumerable<SurveyAnswer> answers)
    {
        var given = answers.ToList();
        foreach (var answer in given)
        {
            var question = setup.Questions.FirstOrDefault(q => q.Id == answer?.QuestionId);
            if (answer is null || question is null)
            {
                return $"Question '{answer?.QuestionId}' is not in the survey.";
            }

            if (string.IsNullOrWhiteSpace(answer.Answer) || (!question.Choices.IsDefaultOrEmpty && !question.Choices.Contains(answer.Answer, StringComparer.Ordinal)))
            {
                return $"'{answer.Answer}' does not answer question '{question.Id}'{(question.Choices.IsDefaultOrEmpty ? string.Empty : $"; its choices are {string.Join(", ", question.Choices)}")}.";
            }
        }

        var missing = setup.Questions.Where(q => given.Count(a => a.QuestionId == q.Id) != 1).Select(q => q.Id).ToList();
        return missing.Count > 0 ? $"Every question is answered once; {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} not." : null;
    }

    private protected override string? Problem(IPlayEvent e)
    {
        if (e is SurveyOpened s)
        {
            return _setup is not null ? $"survey '{s.PlayId}' opens twice" : Given(s.PlayId, "id", "the survey") ?? SetupProblem(s);
        }

        if (_setup is not { } setup)
        {
            return "the survey is not open";
        }

        return e switch
        {
            SurveyAnswered a when _stage != SurveyStage.Open || _responses.Any(r => r.Member == a.Member) => $"member {a.Member} answers a closed survey or answers twice",
            SurveyAnswered a when (a.Answers.IsDefault ? "answers missing" : AnswerProblem(setup, a.Answers)) is { } problem => $"member {a.Member}'s answers do not fit: {problem}",
            SurveyAnswered a when a.IntentFlagged != setup.Rule.Flags(a.Answers) => $"member {a.Member}'s answers {(a.IntentFlagged ? "do not flag" : "flag")} intent under the survey's rule",
            SurveyClosed c when !Lifecycle.CanFire(_stage, SurveyTrigger.Closed) || c.Answered != _responses.Count => $"the survey cannot close in stage {_stage} with {c.Answered} answers ({_responses.Count} given)",
            SurveyAnswered or SurveyClosed => null,
            _ => $"{e.GetType().Name} is not an event of a survey",
        };
    }

    private protected override void Mutate(IPlayEvent e)
    {
        switch (e)
        {
            case SurveyOpened s:
                _setup = s;
                Id = s.PlayId;
                break;
            case SurveyAnswered a:
                _responses.Add(a);
                break;
            case SurveyClosed:
                _stage = Lifecycle.Next(_stage, SurveyTrigger.Closed);
                break;
        }
    }
}
