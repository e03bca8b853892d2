using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Polytomic;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Gets the log files of a model-sync run, as signed URLs or downloaded.</summary>
    /// <remarks>
    /// <para>Get-PolytomicSyncLog reads GET /api/syncs/{id}/executions/{id}/{type} (both API versions) for each log type asked for (records, errors, warnings, inserts, updates, deletes; all of them by default) and outputs a PolytomicSyncLog per type: its signed URLs and when they expire.</para>
    /// <para>With -OutFile it downloads the files instead and outputs a FileInfo for each: into that file when there is one, into that folder (each under its own name) when there are several or the path is a folder. Downloads use a plain HTTP client, because signed URLs live on storage hosts and must never receive the API key; each file is written under a temporary name first, so a failed download leaves no half file. A run without log files yet gives a warning and downloads nothing.</para>
    /// <para>An unknown sync or execution is PolytomicApi.NotFound; ids that are not UUIDs are InvalidId.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// $run = Start-PolytomicSync -Id $sync.Id -Wait
    /// $run | Get-PolytomicSyncLog -Type errors -OutFile ./errors.json
    /// </code>
    /// <para>Runs the sync, then downloads the run's error log to errors.json.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Get-PolytomicSyncLog -SyncId $sync.Id -ExecutionId $run.Id -Type inserts, updates
    /// </code>
    /// <para>Shows the signed URLs of the inserted and updated records of one run.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "PolytomicSyncLog", HelpUri = HelpLinks.Cmdlets + "Get-PolytomicSyncLog.md")]
    [OutputType(typeof(PolytomicSyncLog), typeof(FileInfo))]
    public sealed class GetPolytomicSyncLogCommand : PolytomicCmdlet
    {
        /// <summary>The id of the sync; binds from piped executions (their SyncId) and syncs.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [IdTransformation(ObjectKinds.Sync)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SyncNameCompleter))]
        public string SyncId { get; set; } = "";

        /// <summary>The id of the run whose logs to get; binds from piped executions.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ExecutionId { get; set; } = "";

        /// <summary>The log types to get: records, errors, warnings, inserts, updates, deletes (all of them by default).</summary>
        [Parameter(Position = 2)]
        [ValidateSet("records", "errors", "warnings", "inserts", "updates", "deletes")]
        public string[] Type { get; set; } = ExecutionStatuses.LogTypes;

        /// <summary>Downloads the logs into this file instead of outputting their URLs; when they span several files (or the path is an existing folder), it is a folder that receives each under its own name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OutFile { get; set; }

        protected override object? ErrorTarget => ExecutionId;

        protected override void ProcessItem()
        {
            var logs = new List<PolytomicSyncLog>();
            foreach (var type in Type.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var log = Await((c, ct) => c.GetSyncLogAsync(SyncId, ExecutionId, type.ToLowerInvariant(), ct));
                if (OutFile == null) WriteObject(log);
                else logs.Add(log);
            }
            if (OutFile == null) return;

            var files = logs.SelectMany(l => l.Urls).ToList();
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutFile);
            if (files.Count == 0)
            {
                WriteWarning($"Run {ExecutionId} has no {string.Join("/", Type)} log files yet; nothing was downloaded.");
                return;
            }
            var asFolder = files.Count > 1 || Directory.Exists(path);
            if (asFolder) Directory.CreateDirectory(path);
            for (int i = 0; i < files.Count; i++)
            {
                var url = files[i];
                var target = asFolder ? Path.Combine(path, FileName(url, i)) : path;
                WriteProgress(new ProgressRecord(0x106, $"Downloading the logs of run {ExecutionId}", $"{i + 1} of {files.Count}: {Path.GetFileName(target)}")
                {
                    PercentComplete = 100 * i / files.Count,
                });
                var bytes = Await((c, ct) => c.DownloadAsync(url, target, ct));
                WriteVerbose($"Wrote {bytes} bytes to {target}");
                WriteObject(new FileInfo(target));
            }
            WriteProgress(new ProgressRecord(0x106, $"Downloading the logs of run {ExecutionId}", "Done") { RecordType = ProgressRecordType.Completed });
        }

        /// <summary>The URL's last path segment, made safe as a file name (never a path).</summary>
        private static string FileName(string url, int index)
        {
            var name = Uri.TryCreate(url, UriKind.Absolute, out var u) ? Uri.UnescapeDataString(u.Segments.LastOrDefault() ?? "") : "";
            name = new string(name.Select(ch => Path.GetInvalidFileNameChars().Contains(ch) || ch == '/' || ch == '\\' ? '_' : ch).ToArray()).Trim('.', ' ');
            return string.IsNullOrEmpty(name) ? $"log-{index + 1}.json" : name;
        }
    }
}
