using System.Management.Automation;

namespace PolytomicPS
{
    /// <summary>-Skip, -First and -IncludeTotalCount applied to a stream of items, counted in this one place.</summary>
    internal sealed class PagingWindow
    {
        private readonly PagingParameters paging;
        private ulong seen;
        private ulong written;

        public PagingWindow(PagingParameters paging) { this.paging = paging; }

        /// <summary>How many items the stream must fetch: no page beyond what -Skip and -First need, unless
        /// -IncludeTotalCount needs them all.</summary>
        public ulong Wanted => paging.IncludeTotalCount || paging.First == ulong.MaxValue ? ulong.MaxValue : paging.Skip + paging.First;

        /// <summary>Counts the next item and says whether it is written.</summary>
        public bool Admit()
        {
            seen++;
            if (seen <= paging.Skip || written >= paging.First) return false;
            written++;
            return true;
        }

        /// <summary>-First items are written.</summary>
        public bool Full => written >= paging.First;

        /// <summary>Nothing more will be written or counted: the stream can stop.</summary>
        public bool Done => Full && !paging.IncludeTotalCount;

        /// <summary>The -IncludeTotalCount object (null without it).</summary>
        public PSObject? Total(double accuracy) => paging.IncludeTotalCount ? paging.NewTotalCount(seen, accuracy) : null;
    }
}
