namespace GateController.Core.Privacy;

/// <summary>An item a face-recognition notice must cover (PIPL art. 17 and art. 30).</summary>
public enum ConsentNoticeSection
{
    /// <summary>Who processes the data and how to contact them (<c>{#processor}</c>, art. 17 (1)).</summary>
    ProcessorAndContact = 0,

    /// <summary>Why face data is processed (<c>{#purpose}</c>, art. 17 (2)).</summary>
    Purpose = 1,

    /// <summary>How it is processed (<c>{#method}</c>, art. 17 (2)).</summary>
    Method = 2,

    /// <summary>Which kinds of personal information are processed (<c>{#data}</c>, art. 17 (2)).</summary>
    KindsOfData = 3,

    /// <summary>How long data is kept (<c>{#retention}</c>, art. 17 (2)).</summary>
    Retention = 4,

    /// <summary>How to withdraw consent (<c>{#withdrawal}</c>, art. 15 / 17 (3)).</summary>
    Withdrawal = 5,

    /// <summary>How to get a copy and exercise other rights (<c>{#rights}</c>, art. 17 (3), 45, 47).</summary>
    Rights = 6,

    /// <summary>Why face data is necessary (<c>{#necessity}</c>, art. 30).</summary>
    Necessity = 7,

    /// <summary>How processing affects the resident (<c>{#impact}</c>, art. 30).</summary>
    Impact = 8,
}
