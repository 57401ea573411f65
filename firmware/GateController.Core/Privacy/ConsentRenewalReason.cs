namespace GateController.Core.Privacy;

/// <summary>Whether a consent still matches the notice in force.</summary>
public enum ConsentRenewalReason
{
    /// <summary>The consent names a current notice (same version and hash): nothing to do.</summary>
    Current = 0,

    /// <summary>The consent was given under another notice version: the resident must be asked again.</summary>
    OtherNoticeVersion = 1,

    /// <summary>The version label is current but the text (hash) differs: the notice was edited under the same label.</summary>
    NoticeTextChanged = 2,

    /// <summary>The consent is withdrawn; there is nothing to renew.</summary>
    Withdrawn = 3,
}
