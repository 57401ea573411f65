namespace GateController.Core.Privacy;

/// <summary>Fixed sentences printed on every receipt.</summary>
internal static class ConsentReceiptWording
{
    internal const string Assurance =
        "不同意或撤回人脸识别，不影响使用门卡或密码进出（最高人民法院人脸识别司法解释第十条）；设备不保存人脸照片，只保存加密的人脸特征模板，数据不离开本设备。"
        + " / Declining or withdrawing face recognition never affects entry by card or PIN (SPC provisions art. 10); the unit stores no face photo, only encrypted face templates, and the data never leaves the unit.";
}
