namespace CommunityModel.Crm.State;

/// <summary>
/// A request waiting for the writer: its stream, who asked, the decision to run and the caller's answer, completed
/// only once the batch it was decided in is stored.
/// </summary>
internal abstract class PendingCommand(string streamId, string actor)
{
    /// <summary>The stream the command's events go to.</summary>
    public string StreamId { get; } = streamId;

    /// <summary>The signed-in account that asked.</summary>
    public string Actor { get; } = actor;

    /// <summary>Runs the decision; an exception is kept for <see cref="Complete"/>.</summary>
    /// <param name="context">The command's context.</param>
    /// <returns>Whether the command decided without an error.</returns>
    public abstract bool Decide(CommandContext context);

    /// <summary>Answers the caller: the decision's answer or its error, or <paramref name="storeFailure"/> when the batch was not stored.</summary>
    /// <param name="storeFailure">Why the batch was not stored, or null once it is.</param>
    public abstract void Complete(Exception? storeFailure);
}

/// <summary>A <see cref="PendingCommand"/> with an answer of type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The answer.</typeparam>
internal sealed class PendingCommand<T>(string streamId, string actor, Func<CommandContext, T> command) : PendingCommand(streamId, actor)
{
    private readonly TaskCompletionSource<T> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _value;
    private Exception? _error;

    /// <summary>The caller's answer.</summary>
    public Task<T> Task => _answer.Task;

    public override bool Decide(CommandContext context)
    {
        try
        {
            _value = command(context);
            return true;
        }
#pragma warning disable CA1031 // any failure of a decision is the caller's answer, given once the batch is settled
        catch (Exception e)
#pragma warning restore CA1031
        {
            _error = e;
            return false;
        }
    }

    public override void Complete(Exception? storeFailure)
    {
        if (storeFailure is not null)
        {
            _answer.TrySetException(storeFailure);
        }
        else if (_error is not null)
        {
            _answer.TrySetException(_error);
        }
        else
        {
            _answer.TrySetResult(_value!);
        }
    }
}
