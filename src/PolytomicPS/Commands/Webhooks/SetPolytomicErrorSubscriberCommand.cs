using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Polytomic.Models;

namespace PolytomicPS.Commands
{
    /// <summary>Sets who is emailed when any sync fails.</summary>
    /// <remarks>
    /// <para>Set-PolytomicErrorSubscriber sends PUT /api/notifications/global-error-subscribers, which replaces the whole list. -Email gives the complete list (an empty array clears it); -Add and -Remove change the current list instead: the cmdlet reads it, adds and removes addresses (case-insensitively) and sends the result.</para>
    /// <para>Addresses without an @ are refused with InvalidEmail before anything is sent. Outputs the resulting list only with -PassThru. Supports -WhatIf and -Confirm.</para>
    /// <para>Concurrent changes: the PUT replaces the whole list, and -Add and -Remove read it first; the cmdlet cannot tell whether someone changed it between its read and its write. Two Set-PolytomicErrorSubscriber calls racing can therefore lose one change (say, one of two added addresses). Change the list from one place at a time, and read it back (Get-PolytomicErrorSubscriber) where that matters.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// Set-PolytomicErrorSubscriber -Email ops@example.com, data@example.com
    /// </code>
    /// <para>Makes these two addresses the only ones notified of sync failures.</para>
    /// </example>
    /// <example>
    /// <code>
    /// Set-PolytomicErrorSubscriber -Add oncall@example.com -Remove data@example.com -PassThru
    /// </code>
    /// <para>Adds the on-call address, removes another and shows the resulting list.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "PolytomicErrorSubscriber", HelpUri = HelpLinks.Cmdlets + "Set-PolytomicErrorSubscriber.md", SupportsShouldProcess = true, DefaultParameterSetName = Replace)]
    [OutputType(typeof(PolytomicErrorSubscribers))]
    public sealed class SetPolytomicErrorSubscriberCommand : PolytomicCmdlet
    {
        public const string Replace = "Replace";
        public const string Change = "Change";

        /// <summary>The complete list of addresses, replacing the current one; an empty array clears it.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = Replace)]
        [AllowEmptyCollection]
        public string[] Email { get; set; } = new string[0];

        /// <summary>Addresses to add to the current list (ones already in it are skipped).</summary>
        [Parameter(ParameterSetName = Change)]
        public string[]? Add { get; set; }

        /// <summary>Addresses to remove from the current list (case-insensitive).</summary>
        [Parameter(ParameterSetName = Change)]
        public string[]? Remove { get; set; }

        /// <summary>Output the resulting list of subscribers.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessItem()
        {
            List<string> emails;
            if (ParameterSetName == Replace) emails = Email.ToList();
            else
            {
                emails = Await((c, ct) => c.GetErrorSubscribersAsync(ct)).Emails;
                foreach (var a in Add ?? new string[0])
                    if (!emails.Contains(a, StringComparer.OrdinalIgnoreCase)) emails.Add(a);
                if (Remove != null) emails.RemoveAll(e => Remove.Contains(e, StringComparer.OrdinalIgnoreCase));
            }
            var bad = emails.Where(e => e.IndexOf('@') <= 0).ToList();
            if (bad.Count > 0)
                throw new Polytomic.PolytomicInputException("InvalidEmail", $"Not an email address: {string.Join(", ", bad)}.", "Email", bad[0]);
            if (!ShouldProcess(string.Join(", ", emails), "Set global error subscribers")) return;
            var result = Await((c, ct) => c.SetErrorSubscribersAsync(emails, ct));
            if (PassThru) WriteObject(result);
        }
    }
}
