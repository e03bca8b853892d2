using System;
using System.Linq;
using Polytomic;
using Polytomic.Models;
using Polytomic.SyncRuns;

namespace PolytomicPS.Commands
{
    /// <summary>What Get-PolytomicSyncHealth and Export-PolytomicHealthReport take alike: -StaleAfter's check, and a
    /// reader of the kinds (-Kind) and names (-Name) asked for.</summary>
    internal static class SyncHealthInput
    {
        public static void CheckStaleAfter(TimeSpan? staleAfter)
        {
            if (staleAfter is TimeSpan limit && limit <= TimeSpan.Zero)
                throw new PolytomicInputException("InvalidStaleAfter", $"-StaleAfter must be a positive time span, not {limit}.", "StaleAfter", limit);
        }

        public static SyncHealthReader Reader(PolytomicClient client, string[]? kind, NameFilter names)
        {
            var kinds = kind ?? new[] { SyncHealthRules.Sync, SyncHealthRules.BulkSync };
            return new SyncHealthReader(client)
            {
                Models = kinds.Contains(SyncHealthRules.Sync, StringComparer.OrdinalIgnoreCase),
                Bulk = kinds.Contains(SyncHealthRules.BulkSync, StringComparer.OrdinalIgnoreCase),
                NameMatches = names.Matches,
            };
        }
    }
}
