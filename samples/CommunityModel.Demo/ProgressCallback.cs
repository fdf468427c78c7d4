namespace CommunityModel.Demo;

/// <summary>
/// Progress handed straight to a callback on the reporting thread (unlike <see cref="Progress{T}"/>, which posts to the
/// thread pool and may run after the work is done): the live display sees every report before the run returns.
/// </summary>
/// <typeparam name="T">The progress value.</typeparam>
/// <param name="report">Called with each report.</param>
internal sealed class ProgressCallback<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
