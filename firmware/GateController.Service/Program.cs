Console.WriteLine("gatecontrollerd");
return 0;
