using Microsoft.Extensions.Caching.Memory;
using Safeguarding.Core.Returns;

namespace Safeguarding.Web.Features.Performance.Returns;

/// <summary>Files someone uploaded to check, with the return and year they are for.</summary>
public sealed record UploadedReturn(StatutoryReturn Return, int CollectionYear, IReadOnlyList<(string Name, byte[] Content)> Files);

/// <summary>
/// Keeps uploaded return files in memory for half an hour after they were last looked at, so the results can be
/// filtered, paged, downloaded and checked again without uploading again. Only the person who uploaded them can
/// reach them, and they are never written to disk: they hold children's personal data.
/// </summary>
public sealed class UploadedReturns(IMemoryCache cache)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(30);

    public Guid Keep(Guid userId, UploadedReturn upload)
    {
        var id = Guid.NewGuid();
        cache.Set((typeof(UploadedReturns), userId, id), upload, new MemoryCacheEntryOptions { SlidingExpiration = KeptFor });
        return id;
    }

    public UploadedReturn? Find(Guid userId, Guid id) => cache.TryGetValue((typeof(UploadedReturns), userId, id), out UploadedReturn? upload) ? upload : null;
}
