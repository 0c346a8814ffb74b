using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Audit;

public sealed record AuditChainReport(long RowsChecked, long? FirstBrokenSequence, string? Problem)
{
    public bool IsIntact => FirstBrokenSequence is null;
}

/// <summary>Computes and verifies the hash chain over the audit trail.</summary>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string ComputeHash(AuditEvent e)
    {
        var canonical = string.Join('\u001f',
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
            e.Kind.ToString(),
            e.EventType,
            e.PartnershipId?.ToString() ?? "",
            e.ActorUserId?.ToString() ?? "",
            e.ActorName,
            e.SubjectType ?? "",
            e.SubjectId ?? "",
            e.Reason ?? "",
            e.Data,
            e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Walks the whole trail in order and reports the first row whose link or hash does not hold.</summary>
    public static async Task<AuditChainReport> VerifyAsync(SafeguardingDbContext db, CancellationToken cancellationToken = default)
    {
        const int batchSize = 5000;
        var expectedPrevious = GenesisHash;
        long expectedSequence = 1;
        long checkedRows = 0;
        long after = 0;
        while (true)
        {
            var batch = await db.AuditEvents.AsNoTracking()
                .Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var row in batch)
            {
                if (row.Sequence != expectedSequence)
                {
                    return new(checkedRows, expectedSequence, $"row {expectedSequence} is missing (next row found is {row.Sequence})");
                }

                if (row.PreviousHash != expectedPrevious)
                {
                    return new(checkedRows, row.Sequence, $"row {row.Sequence} does not link to the row before it");
                }

                if (ComputeHash(row) != row.Hash)
                {
                    return new(checkedRows, row.Sequence, $"row {row.Sequence} has been altered: its content does not match its hash");
                }

                expectedPrevious = row.Hash;
                expectedSequence++;
                checkedRows++;
            }

            after = batch[^1].Sequence;
        }

        var head = await db.AuditChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == 1, cancellationToken);
        if (head is not null && (head.LastSequence != checkedRows || head.LastHash != expectedPrevious))
        {
            return new(checkedRows, checkedRows + 1, $"the chain ends at row {checkedRows} but its head records row {head.LastSequence}: rows have been removed from the end");
        }

        return new(checkedRows, null, null);
    }
}
