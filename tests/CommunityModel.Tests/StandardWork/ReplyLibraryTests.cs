using CommunityModel.StandardWork;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.StandardWork;

public class ReplyLibraryTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly ReplyLibrary _library;
    private readonly List<IReplyLibraryEvent> _events = [];

    public ReplyLibraryTests()
    {
        _library = new ReplyLibrary(_clock);
        _events.Add(_library.Add("vip", ["VIP", "会员"], "VIP 年费 ¥3,600，含线上课程与一次线下课。", "ops"));
        _events.Add(_library.Add("vip-renewal", ["VIP续费"], "续费在到期前 30 天内享 9 折。", "ops"));
        _events.Add(_library.Add("model", ["模式", "设计", "裂变"], "社群模式：潜在客户→粉丝→客户→会员→合伙人。", "ops"));
    }

    [Theory]
    [InlineData("请问VIP多少钱？", "vip", "VIP")]
    [InlineData("我的vip续费怎么算", "vip-renewal", "VIP续费")] // the longer keyword wins, case-insensitively
    [InlineData("想了解一下裂变", "model", "裂变")]
    [InlineData("会员和模式有什么关系", "vip", "会员")] // equal length: the reply added first
    public void A_message_calls_up_the_configured_answer_of_the_keyword_it_contains(string message, string reply, string keyword)
    {
        var match = _library.Lookup(message);

        Assert.NotNull(match);
        Assert.Equal((reply, keyword), (match.Reply.ReplyId, match.Keyword));
    }

    [Fact]
    public void A_message_with_no_keyword_calls_up_nothing_and_the_library_grows_from_the_questions_asked()
    {
        Assert.Null(_library.Lookup("什么时候开课？"));
        _library.RecordUnanswered("什么时候开课？");
        _library.RecordUnanswered("什么时候开课？");
        _library.RecordUnanswered("可以退款吗");

        Assert.Equal([("什么时候开课？", 2), ("可以退款吗", 1)], _library.UnansweredQuestions().AsEnumerable());

        _library.Add("schedule", ["开课"], "每月第一个周六开课。", "ops");
        Assert.Equal("schedule", _library.Lookup("什么时候开课？")!.Reply.ReplyId);
        Assert.Equal([("可以退款吗", 1)], _library.UnansweredQuestions().AsEnumerable()); // answered now
    }

    [Fact]
    public void Revising_changes_the_answer_and_retiring_frees_the_keywords()
    {
        _library.Revise("vip", "VIP 年费 ¥3,600。");
        Assert.Equal("VIP 年费 ¥3,600。", _library.Lookup("VIP")!.Reply.Answer);

        _library.Retire("vip", "tiers renamed");
        Assert.Null(_library.Lookup("会员"));
        _library.Add("membership", ["会员"], "会员分 VIP 与 KA。", "ops");
        Assert.Equal("membership", _library.Lookup("会员")!.Reply.ReplyId);
        Assert.Equal(["vip-renewal", "model", "membership"], _library.Replies.Select(r => r.ReplyId));
    }

    [Fact]
    public void Bad_requests_are_refused_naming_the_field_and_change_nothing()
    {
        AssertRefused(ErrorCodes.StandardWorkIdConflict, "ReplyId", () => _library.Add("vip", ["x"], "a", "ops"));
        AssertRefused(ErrorCodes.StandardWorkKeywordTaken, "Keywords", () => _library.Add("other", ["vip"], "a", "ops"));
        AssertRefused(ErrorCodes.StandardWorkInvalidRequest, "Keywords", () => _library.Add("other", ["a", "A"], "a", "ops"));
        AssertRefused(ErrorCodes.StandardWorkInvalidRequest, "Keywords", () => _library.Add("other", [" "], "a", "ops"));
        AssertRefused(ErrorCodes.StandardWorkInvalidRequest, "Answer", () => _library.Add("other", ["x"], "", "ops"));
        AssertRefused(ErrorCodes.StandardWorkUnknownReply, "ReplyId", () => _library.Revise("nope", "a"));
        AssertRefused(ErrorCodes.StandardWorkInvalidRequest, "Question", () => _library.RecordUnanswered("VIP 怎么买"));
        _library.Retire("model", "old");
        AssertRefused(ErrorCodes.StandardWorkIdConflict, "ReplyId", () => _library.Add("model", ["y"], "a", "ops")); // an id is used once

        Assert.Equal(2, _library.Replies.Length);
    }

    [Fact]
    public void Replay_rebuilds_the_library_and_refuses_a_forged_event_at_its_index()
    {
        _events.Add(_library.Revise("vip", "new answer"));
        _events.Add(_library.RecordUnanswered("可以退款吗"));

        var replayed = ReplyLibrary.Replay(_events, _clock);

        Assert.Equal(_library.Replies.AsEnumerable(), replayed.Replies);
        Assert.Equal(_library.UnansweredQuestions().AsEnumerable(), replayed.UnansweredQuestions());
        var forged = _events.Append(new ReplyAdded("dup", ["vip"], "steals the keyword", "x", Start)).ToList();
        var error = Assert.Throws<ReplayException>(() => ReplyLibrary.Replay(forged, _clock));
        Assert.Equal((ErrorCodes.StandardWorkReplayMismatch, _events.Count), (error.ErrorCode, error.Index));
    }

    private static void AssertRefused(string code, string field, Action request)
    {
        var error = Assert.Throws<StandardWorkException>(request);
        Assert.Equal((code, field), (error.ErrorCode, error.Field));
    }
}
