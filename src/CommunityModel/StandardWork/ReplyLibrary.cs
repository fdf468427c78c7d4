using System.Collections.Immutable;

namespace CommunityModel.StandardWork;

/// <summary>
/// The keyword auto-reply library (关键词回复资料库): a member sends a keyword in the group and gets the configured answer,
/// which takes routine questions off the team. It grows with the questions asked: a message no keyword answers can be
/// recorded (<see cref="RecordUnanswered"/>), and <see cref="UnansweredQuestions"/> lists what to add next.
/// </summary>
/// <remarks>
/// Keywords are matched anywhere in a message, case-insensitively and ordinally (the same under every culture; Chinese
/// needs no word breaks). When several keywords occur, the longest wins (so <c>VIP续费</c> beats <c>VIP</c>), then the
/// reply added first. A keyword belongs to one live reply at a time. Every change is an event: decisions check the state
/// first and change nothing when refused; <see cref="Apply"/> is the one way the library changes, and
/// <see cref="Replay"/> rebuilds it. Requests are serialised by a lock.
/// </remarks>
public sealed class ReplyLibrary
{
    /// <summary>The longest question kept by <see cref="RecordUnanswered"/>.</summary>
    public const int MaximumQuestionLength = 500;

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<string, KeywordReply> _replies = new(StringComparer.Ordinal);
    private readonly HashSet<string> _retired = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _keywords = new(StringComparer.OrdinalIgnoreCase); // keyword → reply id
    private readonly Dictionary<string, int> _unanswered = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _addedAt = new(StringComparer.Ordinal); // reply id → its position in the stream
    private int _applied;

    /// <summary>Creates an empty library.</summary>
    /// <param name="timeProvider">The clock.</param>
    public ReplyLibrary(TimeProvider timeProvider) => _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));

    /// <summary>The live replies, in the order added.</summary>
    public ImmutableArray<KeywordReply> Replies
    {
        get
        {
            lock (_gate)
            {
                return [.. _replies.Values.OrderBy(r => _addedAt[r.ReplyId])];
            }
        }
    }

    /// <summary>Rebuilds a library from its stored events, in order.</summary>
    /// <param name="events">The events.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The library.</returns>
    /// <exception cref="ReplayException">An event does not fit (<see cref="ErrorCodes.StandardWorkReplayMismatch"/>), at its index.</exception>
    public static ReplyLibrary Replay(IEnumerable<IReplyLibraryEvent> events, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(events);
        var library = new ReplyLibrary(timeProvider);
        foreach (var e in events)
        {
            library.Apply(e);
        }

        return library;
    }

    /// <summary>The answer a message calls up.</summary>
    /// <param name="message">A member's message.</param>
    /// <returns>The match, or <see langword="null"/> when no keyword occurs in the message.</returns>
    public ReplyMatch? Lookup(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        lock (_gate)
        {
            string? best = null;
            foreach (var keyword in _keywords.Keys)
            {
                if (message.Contains(keyword, StringComparison.OrdinalIgnoreCase) && (best is null || keyword.Length > best.Length || (keyword.Length == best.Length && Order(keyword) < Order(best))))
                {
                    best = keyword;
                }
            }

            return best is null ? null : new ReplyMatch(_replies[_keywords[best]], best);
        }
    }

    /// <summary>Adds a reply.</summary>
    /// <param name="replyId">The reply's id; never used before.</param>
    /// <param name="keywords">One or more keywords, none used by a live reply.</param>
    /// <param name="answer">The answer.</param>
    /// <param name="addedBy">Who adds it.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="StandardWorkException">The id is used, a keyword is empty, repeated or taken, or the answer is empty.</exception>
    public ReplyAdded Add(string replyId, IEnumerable<string> keywords, string answer, string addedBy) => Decide(() =>
    {
        var id = Required(replyId, "ReplyId");
        if (_replies.ContainsKey(id) || _retired.Contains(id))
        {
            throw new StandardWorkException(ErrorCodes.StandardWorkIdConflict, $"Reply '{id}' exists already; an id is used once.", "ReplyId");
        }

        var words = (keywords ?? throw new ArgumentNullException(nameof(keywords))).Select(k => Required(k, "Keywords")).ToImmutableArray();
        if (words.IsEmpty || words.Distinct(StringComparer.OrdinalIgnoreCase).Count() != words.Length)
        {
            throw new StandardWorkException(ErrorCodes.StandardWorkInvalidRequest, $"A reply needs one or more distinct keywords; {words.Length} given.", "Keywords");
        }

        if (words.FirstOrDefault(_keywords.ContainsKey) is { } taken)
        {
            throw new StandardWorkException(ErrorCodes.StandardWorkKeywordTaken, $"Keyword '{taken}' already calls up reply '{_keywords[taken]}'; revise or retire that reply first.", "Keywords");
        }

        return new ReplyAdded(id, words, Required(answer, "Answer"), Required(addedBy, "AddedBy"), _time.GetUtcNow());
    });

    /// <summary>Revises a live reply's answer.</summary>
    /// <param name="replyId">A live reply.</param>
    /// <param name="answer">The new answer.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="StandardWorkException">No live reply has the id, or the answer is empty.</exception>
    public ReplyRevised Revise(string replyId, string answer) => Decide(() =>
        new ReplyRevised(RequireLive(replyId).ReplyId, Required(answer, "Answer"), _time.GetUtcNow()));

    /// <summary>Retires a live reply; its keywords are free again.</summary>
    /// <param name="replyId">A live reply.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="StandardWorkException">No live reply has the id.</exception>
    public ReplyRetired Retire(string replyId, string reason) => Decide(() =>
        new ReplyRetired(RequireLive(replyId).ReplyId, Required(reason, "Reason"), _time.GetUtcNow()));

    /// <summary>Records a question no keyword answered, so the library grows where members need it.</summary>
    /// <param name="question">The question; it must call up no reply.</param>
    /// <returns>The event to store.</returns>
    /// <exception cref="StandardWorkException">The question is empty, or a keyword answers it.</exception>
    public QuestionUnanswered RecordUnanswered(string question) => Decide(() =>
    {
        var text = Required(question, "Question");
        if (Lookup(text) is { } match)
        {
            throw new StandardWorkException(ErrorCodes.StandardWorkInvalidRequest, $"Keyword '{match.Keyword}' answers this question (reply '{match.Reply.ReplyId}').", "Question");
        }

        return new QuestionUnanswered(text.Length > MaximumQuestionLength ? text[..MaximumQuestionLength] : text, _time.GetUtcNow());
    });

    /// <summary>The questions recorded as unanswered and still unanswered, most asked first.</summary>
    /// <param name="top">How many to return.</param>
    /// <returns>Each question with how often it was asked.</returns>
    public ImmutableArray<(string Question, int Times)> UnansweredQuestions(int top = 20)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        lock (_gate)
        {
            return [.. _unanswered.Where(q => Lookup(q.Key) is null).OrderByDescending(q => q.Value).ThenBy(q => q.Key, StringComparer.Ordinal).Take(top).Select(q => (q.Key, q.Value))];
        }
    }

    /// <summary>Applies a stored event: the one way the library changes.</summary>
    /// <param name="libraryEvent">The event.</param>
    /// <exception cref="ReplayException">The event does not fit the library (<see cref="ErrorCodes.StandardWorkReplayMismatch"/>); nothing changed.</exception>
    public void Apply(IReplyLibraryEvent libraryEvent)
    {
        ArgumentNullException.ThrowIfNull(libraryEvent);
        lock (_gate)
        {
            string? problem = libraryEvent switch
            {
                ReplyAdded a when _replies.ContainsKey(a.ReplyId) || _retired.Contains(a.ReplyId) => $"reply '{a.ReplyId}' is added twice",
                ReplyAdded a when a.Keywords.IsDefaultOrEmpty || a.Keywords.Any(k => string.IsNullOrWhiteSpace(k) || _keywords.ContainsKey(k)) || a.Keywords.Distinct(StringComparer.OrdinalIgnoreCase).Count() != a.Keywords.Length
                    => $"reply '{a.ReplyId}' has no keywords, an empty or repeated one, or one another live reply holds",
                ReplyRevised r when !_replies.ContainsKey(r.ReplyId) => $"reply '{r.ReplyId}' is not live",
                ReplyRetired r when !_replies.ContainsKey(r.ReplyId) => $"reply '{r.ReplyId}' is not live",
                QuestionUnanswered q when string.IsNullOrWhiteSpace(q.Question) => "an empty question",
                _ => null,
            };
            if (problem is not null)
            {
                throw new ReplayException(ErrorCodes.StandardWorkReplayMismatch, _applied, libraryEvent, problem);
            }

            switch (libraryEvent)
            {
                case ReplyAdded a:
                    _replies[a.ReplyId] = new KeywordReply(a.ReplyId, a.Keywords, a.Answer);
                    _addedAt[a.ReplyId] = _applied;
                    foreach (var keyword in a.Keywords)
                    {
                        _keywords[keyword] = a.ReplyId;
                    }

                    break;
                case ReplyRevised r:
                    _replies[r.ReplyId] = _replies[r.ReplyId] with { Answer = r.Answer };
                    break;
                case ReplyRetired r:
                    foreach (var keyword in _replies[r.ReplyId].Keywords)
                    {
                        _keywords.Remove(keyword);
                    }

                    _replies.Remove(r.ReplyId);
                    _retired.Add(r.ReplyId);
                    break;
                case QuestionUnanswered q:
                    _unanswered[q.Question] = _unanswered.GetValueOrDefault(q.Question) + 1;
                    break;
            }

            _applied++;
        }
    }

    // When a keyword's reply was added: the reply added first wins a tie in length.
    private int Order(string keyword) => _addedAt[_keywords[keyword]];

    private T Decide<T>(Func<T> decide) where T : IReplyLibraryEvent
    {
        lock (_gate)
        {
            var e = decide();
            Apply(e);
            return e;
        }
    }

    private KeywordReply RequireLive(string replyId) =>
        _replies.GetValueOrDefault(Required(replyId, "ReplyId"))
        ?? throw new StandardWorkException(ErrorCodes.StandardWorkUnknownReply, $"No live reply '{replyId}'.", "ReplyId");

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new StandardWorkException(ErrorCodes.StandardWorkInvalidRequest, $"{field} is required.", field) : value.Trim();
}
