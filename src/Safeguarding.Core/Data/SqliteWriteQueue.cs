using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Safeguarding.Core.Data;

/// <summary>
/// SQLite lets one writer in at a time, and Microsoft.Data.Sqlite waits for a busy database by
/// sleeping 150 ms and trying again, so concurrent write transactions in one process stall each
/// other (the front-door-api benchmark saw p99 over a second). Queuing them here instead costs only
/// the wait for the writer ahead. PostgreSQL takes row locks and needs no queue.
/// </summary>
public static class SqliteWriteQueue
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Queues = new(StringComparer.Ordinal);

    /// <summary>Waits for this database's write turn; dispose the result to pass it on. A no-op except on SQLite.</summary>
    public static async Task<IDisposable> EnterAsync(SafeguardingDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.ProviderName != "Microsoft.EntityFrameworkCore.Sqlite")
        {
            return Turn.None;
        }

        var queue = Queues.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        await queue.WaitAsync(cancellationToken);
        return new Turn(queue);
    }

    private sealed class Turn(SemaphoreSlim? queue) : IDisposable
    {
        public static readonly Turn None = new(null);

        private SemaphoreSlim? queue = queue;

        public void Dispose() => Interlocked.Exchange(ref queue, null)?.Release();
    }
}
