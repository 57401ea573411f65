using GateController.Core.Privacy;

namespace GateController.Service.Admin;

/// <summary>What the admin API needs to record consents and print receipts: the notices and the receipt's wording.</summary>
/// <param name="Catalog">Every notice version ever shown, and the one in force.</param>
/// <param name="Receipt">The processor and office contact printed on receipts.</param>
public sealed record AdminConsentSettings(ConsentNoticeCatalog Catalog, ConsentReceiptOptions Receipt);
