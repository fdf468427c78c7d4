using CommunityModel.Organisation;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Organisation;

public class OrganisationTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly OrganisationOptions _options = new();
    private readonly CommunityModel.Organisation.Organisation _organisation;
    private readonly List<IOrganisationEvent> _events = [];

    public OrganisationTests()
    {
        _organisation = new CommunityModel.Organisation.Organisation(_options, _clock);
        _events.Add(_organisation.FoundGroup("class-1", GroupKind.Class, CommunityModel.Organisation.Organisation.Headquarters, "一班"));
        _events.Add(_organisation.FoundGroup("squad-1", GroupKind.Squad, "class-1", "一组"));
        _events.Add(_organisation.FoundGroup("squad-2", GroupKind.Squad, "class-1", "二组"));
        foreach (var (member, group) in new (MemberId, string)[] { (1, "class-1"), (2, "squad-1"), (3, "squad-1"), (4, "squad-2"), (5, "squad-2") })
        {
            _events.Add(_organisation.Join(member, group));
        }
    }

    [Fact]
    public void The_tree_is_headquarters_classes_squads_and_students_and_a_class_counts_its_squads_members()
    {
        Assert.Equal(["hq", "class-1", "squad-1", "squad-2"], _organisation.Groups.Select(g => g.Id));
        Assert.Equal(GroupKind.Squad, _organisation.Group("squad-2").Kind);
        Assert.Equal("class-1", _organisation.Group("squad-2").ParentId);
        Assert.Equal([1, 2, 3, 4, 5], _organisation.MembersUnder("class-1").Select(m => (int)m.Value));
        Assert.Equal([2, 3], _organisation.MembersUnder("squad-1").Select(m => (int)m.Value));
        Assert.Equal("squad-2", _organisation.GroupOf(4));
    }

    [Fact]
    public void Moving_and_leaving_keep_every_stay_in_the_history()
    {
        _clock.Advance(TimeSpan.FromDays(10));
        _organisation.Move(2, "squad-2", "balance the squads");
        _clock.Advance(TimeSpan.FromDays(5));
        _organisation.Leave(2, "moved away");

        Assert.Equal(
            [new GroupStay("squad-1", Start, Start.AddDays(10)), new GroupStay("squad-2", Start.AddDays(10), Start.AddDays(15))],
            _organisation.HistoryOf(2).AsEnumerable());
        Assert.Null(_organisation.GroupOf(2));
        Assert.DoesNotContain((MemberId)2, _organisation.MembersUnder("class-1"));
    }

    [Fact]
    public void A_group_leader_who_moves_out_of_the_squad_steps_down_and_a_monitor_moving_within_the_class_does_not()
    {
        _organisation.Appoint("squad-1", 2, "the squad's first leader");
        _organisation.Appoint("class-1", 3, "until the election");

        var moved = _organisation.Move(2, "squad-2", "balance the squads");
        var within = _organisation.Move(3, "squad-2", "balance the squads");

        Assert.IsType<LeaderVacated>(moved[0]);
        Assert.Null(_organisation.Group("squad-1").Leader);
        Assert.Single(within); // still inside the class: still its monitor
        Assert.Equal((MemberId)3, _organisation.Group("class-1").Leader);
    }

    [Fact]
    public void An_election_with_a_quorum_elects_the_most_voted_for_a_term_and_the_previous_monitor_steps_down()
    {
        _organisation.Appoint("class-1", 1, "until the election");
        _organisation.OpenElection("e-1", "class-1", [2, 4]);
        _organisation.Vote("e-1", 1, 4);
        _organisation.Vote("e-1", 3, 4);
        _organisation.Vote("e-1", 2, 2);

        var closed = _organisation.CloseElection("e-1");

        var decided = Assert.IsType<ElectionDecided>(closed[0]);
        Assert.Equal((ElectionOutcome.Elected, (MemberId?)4), (decided.Outcome, decided.Winner));
        Assert.Equal([new CandidateVotes(2, 1), new CandidateVotes(4, 2)], decided.Tally.AsEnumerable());
        Assert.Equal(Rate.FromPercent(60), decided.Turnout); // 3 of the 5 eligible
        Assert.Equal(new LeaderVacated("class-1", 1, "election 'e-1'", Start), closed[1]);
        Assert.Equal(new LeaderAppointed("class-1", 4, "elected: election 'e-1'", Start.AddDays(180), Start), closed[2]);
        Assert.Equal((MemberId)4, _organisation.Group("class-1").Leader);
    }

    [Fact]
    public void Short_of_the_quorum_there_is_no_result_and_a_tie_elects_nobody_unless_the_rule_says_first_listed()
    {
        _organisation.OpenElection("e-1", "class-1", [2, 4]);
        _organisation.Vote("e-1", 1, 2);
        _organisation.Vote("e-1", 3, 4); // 2 of 5 voted: 40% < 50%
        Assert.Equal(ElectionOutcome.NoQuorum, Assert.IsType<ElectionDecided>(Assert.Single(_organisation.CloseElection("e-1"))).Outcome);

        _organisation.OpenElection("e-2", "class-1", [2, 4]);
        foreach (var (voter, candidate) in new (MemberId, MemberId)[] { (1, 2), (3, 4), (5, 2), (4, 4) })
        {
            _organisation.Vote("e-2", voter, candidate);
        }

        Assert.Equal(ElectionOutcome.Tied, Assert.IsType<ElectionDecided>(Assert.Single(_organisation.CloseElection("e-2"))).Outcome);
        Assert.Null(_organisation.Group("class-1").Leader);

        var opened = new ElectionOpened("e-3", "class-1", [4, 2], [1, 2, 3, 4], Start);
        var firstListed = CommunityModel.Organisation.Organisation.Count(opened, [2, 4, 2, 4], new OrganisationOptions { TieRule = ElectionTieRule.FirstListed });
        Assert.Equal((ElectionOutcome.Elected, (MemberId?)4), (firstListed.Outcome, firstListed.Winner));
    }

    [Fact]
    public void Voting_is_one_vote_per_eligible_member_among_the_candidates_while_the_election_is_open()
    {
        _organisation.OpenElection("e-1", "class-1", [2, 4]);
        _organisation.Vote("e-1", 1, 2);
        _organisation.Join(9, "squad-1"); // joined after it opened

        AssertRefused(ErrorCodes.OrganisationAlreadyVoted, "Voter", () => _organisation.Vote("e-1", 1, 4));
        AssertRefused(ErrorCodes.OrganisationNotEligible, "Voter", () => _organisation.Vote("e-1", 9, 4));
        AssertRefused(ErrorCodes.OrganisationInvalidRequest, "Candidate", () => _organisation.Vote("e-1", 3, 5));
        AssertRefused(ErrorCodes.OrganisationElectionConflict, "ClassId", () => _organisation.OpenElection("e-2", "class-1", [2, 4]));
        _organisation.CloseElection("e-1");
        AssertRefused(ErrorCodes.OrganisationElectionConflict, "ElectionId", () => _organisation.Vote("e-1", 3, 4));
        AssertRefused(ErrorCodes.OrganisationUnknownElection, "ElectionId", () => _organisation.Vote("nope", 3, 4));
    }

    [Fact]
    public void An_activity_is_registered_in_advance_and_runs_only_once_approved_in_its_window()
    {
        var starts = Start.AddDays(2);
        _organisation.RegisterActivity("a-1", "class-1", 2, "Public class", "how members renew", starts, starts.AddHours(2));
        _clock.Advance(TimeSpan.FromDays(2));
        AssertRefused(ErrorCodes.OrganisationActivityNotApproved, "ActivityId", () => _organisation.HoldActivity("a-1"));

        _organisation.ApproveActivity("a-1", "hq-admin");
        var held = _organisation.HoldActivity("a-1");

        Assert.Equal(new ActivityHeld("a-1", starts), held);
        Assert.Equal(ActivityStatus.Held, _organisation.Activity("a-1")!.Status);
    }

    [Fact]
    public void Unknown_activities_are_refused_and_an_approved_one_is_neither_decided_again_nor_held_outside_its_window()
    {
        AssertRefused(ErrorCodes.OrganisationUnknownActivity, "ActivityId", () => _organisation.HoldActivity("nope"));
        AssertRefused(ErrorCodes.OrganisationUnknownActivity, "ActivityId", () => _organisation.ApproveActivity("nope", "hq-admin"));
        AssertRefused(ErrorCodes.OrganisationUnknownActivity, "ActivityId", () => _organisation.RejectActivity("nope", "off topic"));
        var starts = Start.AddDays(2);
        _organisation.RegisterActivity("a-1", "class-1", 2, "Public class", "renewals", starts, starts.AddHours(2));
        _organisation.ApproveActivity("a-1", "hq-admin");

        AssertRefused(ErrorCodes.OrganisationInvalidRequest, "ActivityId", () => _organisation.ApproveActivity("a-1", "hq-admin"));
        AssertRefused(ErrorCodes.OrganisationInvalidRequest, "ActivityId", () => _organisation.RejectActivity("a-1", "too late"));
        AssertRefused(ErrorCodes.OrganisationInvalidRequest, "ActivityId", () => _organisation.HoldActivity("a-1"));   // before its window
        _clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(3));
        AssertRefused(ErrorCodes.OrganisationInvalidRequest, "ActivityId", () => _organisation.HoldActivity("a-1"));   // after it
        Assert.Null(_organisation.Activity("nope"));
        Assert.Equal(ActivityStatus.Approved, _organisation.Activity("a-1")!.Status);
    }

    [Fact]
    public void Late_registrations_banned_topics_and_outsiders_are_refused_naming_the_field()
    {
        var soon = Start.AddHours(3);
        var later = Start.AddDays(3);

        AssertRefused(ErrorCodes.OrganisationLateRegistration, "StartsAt", () => _organisation.RegisterActivity("a-1", "class-1", 2, "Public class", "renewals", soon, soon.AddHours(1)));
        AssertRefused(ErrorCodes.OrganisationBannedTopic, "Topic", () => _organisation.RegisterActivity("a-1", "class-1", 2, "Evening talk", "今晚聊聊政治", later, later.AddHours(1)));
        AssertRefused(ErrorCodes.OrganisationBannedTopic, "Title", () => _organisation.RegisterActivity("a-1", "class-1", 2, "Religion and sales", "sales", later, later.AddHours(1)));
        AssertRefused(ErrorCodes.OrganisationNotInGroup, "Organiser", () => _organisation.RegisterActivity("a-1", "squad-1", 4, "Squad call", "renewals", later, later.AddHours(1)));
        AssertRefused(ErrorCodes.OrganisationInvalidRequest, "EndsAt", () => _organisation.RegisterActivity("a-1", "class-1", 2, "Public class", "renewals", later, later));
        Assert.Null(_organisation.Activity("a-1"));
    }

    [Fact]
    public void The_moderation_hook_names_every_banned_topic_a_message_touches()
    {
        var check = _organisation.Moderation.Check("Let's talk POLITICS and 宗教 tonight");

        Assert.True(check.IsBanned);
        Assert.Equal(["politics", "宗教"], check.Matched.AsEnumerable());
        Assert.False(_organisation.Moderation.Check("renewals and referrals").IsBanned);
    }

    [Fact]
    public void Group_and_membership_requests_are_refused_with_typed_errors_and_change_nothing()
    {
        AssertRefused(ErrorCodes.OrganisationIdConflict, "GroupId", () => _organisation.FoundGroup("class-1", GroupKind.Class, "hq", "again"));
        AssertRefused(ErrorCodes.OrganisationInvalidRequest, "ParentId", () => _organisation.FoundGroup("squad-9", GroupKind.Squad, "hq", "a squad under hq"));
        AssertRefused(ErrorCodes.OrganisationInvalidRequest, "Kind", () => _organisation.FoundGroup("hq-2", GroupKind.Headquarters, "hq", "another hq"));
        AssertRefused(ErrorCodes.OrganisationUnknownGroup, "GroupId", () => _organisation.Join(9, "nope"));
        AssertRefused(ErrorCodes.OrganisationInvalidRequest, "GroupId", () => _organisation.Join(9, "hq"));
        AssertRefused(ErrorCodes.OrganisationMembershipConflict, "Member", () => _organisation.Join(2, "squad-2"));
        AssertRefused(ErrorCodes.OrganisationMembershipConflict, "GroupId", () => _organisation.Move(2, "squad-1", "same group"));
        AssertRefused(ErrorCodes.OrganisationMembershipConflict, "Member", () => _organisation.Leave(9, "never joined"));
        AssertRefused(ErrorCodes.OrganisationNotInGroup, "Leader", () => _organisation.Appoint("squad-1", 4, "not in the squad"));
        AssertRefused(ErrorCodes.OrganisationBannedTopic, "Name", () => _organisation.FoundGroup("class-9", GroupKind.Class, "hq", "Politics club"));
        AssertRefused(ErrorCodes.OrganisationInvalidRequest, "Candidates", () => _organisation.OpenElection("e-1", "class-1", [2, 2]));
        AssertRefused(ErrorCodes.OrganisationInvalidRequest, "ClassId", () => _organisation.OpenElection("e-1", "squad-1", [2, 3]));

        Assert.Equal(4, _organisation.Groups.Length);
        Assert.Equal("squad-1", _organisation.GroupOf(2));
    }

    [Fact]
    public void Unusable_options_are_refused_at_construction_naming_each_setting()
    {
        var error = Assert.Throws<OrganisationException>(() => new CommunityModel.Organisation.Organisation(
            new OrganisationOptions { ElectionQuorum = Rate.FromPercent(120), MonitorTermDays = -1, RegistrationNotice = TimeSpan.FromHours(-1), BannedTopics = ["politics", " "] },
            _clock));

        Assert.Equal(ErrorCodes.OrganisationInvalidOptions, error.ErrorCode);
        foreach (var setting in new[] { "ElectionQuorum", "MonitorTermDays", "RegistrationNotice", "BannedTopics" })
        {
            Assert.Contains("Organisation:" + setting, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Replay_rebuilds_the_same_organisation_and_refuses_a_forged_result_at_its_index()
    {
        _events.Add(_organisation.OpenElection("e-1", "class-1", [2, 4]));
        _events.Add(_organisation.Vote("e-1", 1, 4));
        _events.Add(_organisation.Vote("e-1", 3, 4));
        _events.Add(_organisation.Vote("e-1", 5, 2));
        var closed = _organisation.CloseElection("e-1");
        var history = _events.Concat(closed).ToList();

        var replayed = CommunityModel.Organisation.Organisation.Replay(history, _options, _clock);
        Assert.Equal(_organisation.Group("class-1"), replayed.Group("class-1"));
        Assert.Equal(_organisation.HistoryOf(3).AsEnumerable(), replayed.HistoryOf(3));

        var forged = history.ToList();
        var index = _events.Count;
        forged[index] = ((ElectionDecided)closed[0]) with { Winner = 2 };
        var error = Assert.Throws<ReplayException>(() => CommunityModel.Organisation.Organisation.Replay(forged, _options, _clock));
        Assert.Equal((ErrorCodes.OrganisationReplayMismatch, index), (error.ErrorCode, error.Index));

        var doubleVote = _events.Append(new VoteCast("e-1", 1, 2, Start)).ToList();
        Assert.Equal(_events.Count, Assert.Throws<ReplayException>(() => CommunityModel.Organisation.Organisation.Replay(doubleVote, _options, _clock)).Index);
    }

    private static void AssertRefused(string code, string field, Action request)
    {
        var error = Assert.Throws<OrganisationException>(request);
        Assert.Equal((code, field), (error.ErrorCode, error.Field));
    }
}
