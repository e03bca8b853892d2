using System;
using System.Management.Automation;
using System.Security;
using System.Text;
using Polytomic;
using Polytomic.Webhooks;

namespace PolytomicPS.Commands
{
    /// <summary>Tells whether a delivery of Polytomic's event webhook is authentic: its Polytomic-Signature header matches its body and the webhook's secret.</summary>
    /// <remarks>
    /// <para>This is for event webhooks: the one webhook of an organization (New-PolytomicWebhook), to which Polytomic posts sync.* and bulk_sync.* events signed with the secret given when the webhook was created or updated. It is not for webhook connections (a sync destination of type webhook), which carry the connection's secret as an Authorization: Bearer token and no signature.</para>
    /// <para>The check computes HMAC-SHA256 of the body exactly as received, under the secret (UTF-8), and compares it with the header in constant time (every byte is compared whatever the first difference). Polytomic's events guide states the HMAC, the secret and the Polytomic-Signature header; the hash (SHA-256) and the encoding (lowercase hex) are taken from the Go example in that guide but could not be confirmed from its text, so base64 of the same MAC and a 'sha256=' prefix are accepted as well (the MAC compared is the same 32 bytes either way). The sandbox signs with HMAC-SHA256, hex.</para>
    /// <para>Pass the body as received: a byte array, or the text exactly as read (it is encoded as UTF-8). Parsing and re-serializing JSON changes the bytes and the check fails. A missing or malformed signature is simply False. The secret is a SecureString (or a string, converted at once) and never appears in output or errors.</para>
    /// <para>Outputs True or False. Sends no request and needs no session. examples/webhook-receiver.ps1 is a small receiver built on it.</para>
    /// </remarks>
    /// <example>
    /// <code>
    /// $secret = 'example-Secret-1'
    /// $body = '{"type":"sync.completed","event":{"sync_name":"Users to CRM"}}'
    /// $hmac = [System.Security.Cryptography.HMACSHA256]::new([Text.Encoding]::UTF8.GetBytes($secret))
    /// $signature = -join ($hmac.ComputeHash([Text.Encoding]::UTF8.GetBytes($body)) | ForEach-Object { $_.ToString('x2') })
    /// Test-PolytomicWebhookSignature -Body $body -Signature $signature -Secret $secret
    /// </code>
    /// <para>Signs a body as Polytomic does and checks it: True. Change one character of $body and the answer is False.</para>
    /// </example>
    /// <example>
    /// <code>
    /// $probe = [System.Net.Sockets.TcpListener]::new([ipaddress]::Loopback, 0); $probe.Start()
    /// $url = "http://127.0.0.1:$($probe.LocalEndpoint.Port)/hook/"; $probe.Stop()
    /// $listener = [System.Net.HttpListener]::new()
    /// $listener.Prefixes.Add($url)
    /// $listener.Start()
    /// $webhook | Set-PolytomicWebhook -Endpoint $url -Secret 'example-Secret-1'
    /// $pending = $listener.GetContextAsync()
    /// $null = Start-PolytomicSync -Id $sync.Id
    /// if ($pending.Wait(30000)) {
    ///     $context = $pending.Result
    ///     $reader = [System.IO.StreamReader]::new($context.Request.InputStream, [Text.Encoding]::UTF8)
    ///     $body = $reader.ReadToEnd()
    ///     $ok = Test-PolytomicWebhookSignature -Body $body -Signature $context.Request.Headers['Polytomic-Signature'] -Secret 'example-Secret-1'
    ///     $context.Response.StatusCode = if ($ok) { 200 } else { 401 }
    ///     $context.Response.Close()
    ///     "authentic: $ok"
    /// }
    /// $listener.Stop()
    /// </code>
    /// <para>Points the organization's event webhook ($webhook, from Get-PolytomicWebhook) at a listener on a free local port, starts a sync, and checks the first delivery (sync.running); an unsigned or tampered one is answered 401.</para>
    /// </example>
    [Cmdlet(VerbsDiagnostic.Test, "PolytomicWebhookSignature", HelpUri = HelpLinks.Cmdlets + "Test-PolytomicWebhookSignature.md")]
    [OutputType(typeof(bool))]
    public sealed class TestPolytomicWebhookSignatureCommand : PolytomicCmdlet
    {
        /// <summary>The delivery's body exactly as received: a byte array, or text (encoded as UTF-8).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNull]
        public object? Body { get; set; }

        /// <summary>The value of the delivery's Polytomic-Signature header. Empty or missing gives False.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [AllowNull]
        public string? Signature { get; set; }

        /// <summary>The event webhook's secret (the one given to New-PolytomicWebhook or Set-PolytomicWebhook): a SecureString, or a string converted at once.</summary>
        [Parameter(Mandatory = true, Position = 2)]
        [SecureStringTransformation]
        [ValidateNotNull]
        public SecureString? Secret { get; set; }

        protected override void ProcessItem()
        {
            var body = (Body is PSObject p ? p.BaseObject : Body) switch
            {
                byte[] bytes => bytes,
                string text => Encoding.UTF8.GetBytes(text),
                _ => throw new PolytomicInputException("InvalidWebhookBody",
                    $"-Body must be the delivery's body as a byte array or a string, not {Body!.GetType().Name}.", "Body", null),
            };
            var secret = Encoding.UTF8.GetBytes(SecureStrings.ToPlain(Secret!));
            try { WriteObject(WebhookSignature.Verify(body, Signature, secret)); }
            finally { Array.Clear(secret, 0, secret.Length); }
        }
    }
}
