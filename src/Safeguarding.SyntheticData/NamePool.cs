namespace Safeguarding.SyntheticData;

/// <summary>
/// Common given and family names from one background. Names are combined at random, so no
/// generated person is anyone real; the pools only make a city's records look like its people.
/// </summary>
internal sealed class NamePool(string background, string female, string male, string family)
{
    public string Background { get; } = background;
    public IReadOnlyList<string> Female { get; } = Split(female);
    public IReadOnlyList<string> Male { get; } = Split(male);
    public IReadOnlyList<string> Family { get; } = Split(family);

    private static string[] Split(string names) => names.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static readonly NamePool WhiteBritish = new("White British",
        "Olivia Amelia Isla Ava Mia Ivy Lily Freya Florence Evie Poppy Grace Sophie Ella Charlotte Emily Ruby Jessica Chloe Hannah Lucy Holly Megan Sarah Emma Rebecca Laura Gemma Kirsty Leanne",
        "Oliver George Noah Arthur Leo Harry Oscar Jack Charlie Freddie Alfie Thomas James William Henry Joshua Daniel Ryan Liam Jamie Callum Lewis Connor Matthew Luke Craig Dean Mark Reece Tyler",
        "Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker White Roberts Green Hall Wood Jackson Clarke Hughes Edwards Turner Hill Moore Cooper Ward Morris Baker Harris Lewis Price Bennett Griffiths Marshall");

    public static readonly NamePool Irish = new("Irish",
        "Aoife Niamh Siobhan Ciara Roisin Saoirse Orla Grainne Mairead Caoimhe Bridget Sinead Aisling Clodagh Maeve Erin",
        "Sean Ciaran Padraig Cian Oisin Eoin Conor Declan Liam Niall Fionn Darragh Ronan Cillian Patrick Michael",
        "Murphy Kelly O'Sullivan Walsh O'Brien Byrne Ryan O'Connor O'Neill McCarthy Doyle Gallagher Doherty Kennedy Lynch Quinn Brennan Fitzgerald");

    public static readonly NamePool IrishTraveller = new("Irish Traveller",
        "Bridget Margaret Mary Kathleen Nora Winnie Ellen Josie Shannon Chelsea Tiffany Dolly",
        "Patrick Michael John Martin Thomas Johnny Paddy Jimmy Christy Mikey Francie Bernard",
        "Ward McDonagh Connors Joyce Doherty Maughan Stokes McGinley Collins Cash Quilligan Sweeney");

    public static readonly NamePool Polish = new("Polish",
        "Zofia Julia Maja Zuzanna Natalia Wiktoria Oliwia Alicja Lena Hanna Agnieszka Katarzyna Magdalena Monika Anna Ewa",
        "Jakub Antoni Szymon Filip Kacper Mateusz Piotr Tomasz Krzysztof Dawid Bartosz Michal Pawel Wojciech Adam Marcin",
        "Nowak Kowalski Wisniewski Wojcik Kaminski Lewandowski Zielinski Szymanski Wozniak Dabrowski Kozlowski Jankowski Mazur Krawczyk Piotrowski Grabowski");

    public static readonly NamePool Romanian = new("Romanian",
        "Ioana Maria Elena Andreea Gabriela Alexandra Daria Bianca Raluca Denisa Larisa Cristina Roxana Ana",
        "Andrei Ionut Alexandru Mihai Stefan Gabriel Florin Cosmin Razvan Vlad Darius Bogdan Adrian Marius",
        "Popescu Ionescu Popa Dumitru Stan Stoica Gheorghe Rusu Munteanu Matei Constantin Serban Moldovan Lupu");

    public static readonly NamePool Baltic = new("Baltic",
        "Ieva Gabija Emilija Ugne Austeja Kamile Laura Viktorija Anastasija Sofija Liva Elza",
        "Lukas Matas Jokubas Dominykas Nojus Kajus Mantas Tomas Arturs Janis Kristaps Edgars",
        "Kazlauskas Jankauskas Petrauskas Stankevicius Vasiliauskas Zukauskas Butkus Berzins Kalnins Ozols Liepins Krumins");

    public static readonly NamePool Roma = new("Roma",
        "Denisa Nikola Vanessa Klaudia Monika Sabina Patricia Simona Dominika Alexandra Erika Renata",
        "Patrik Marek Roman Milan Dominik Samuel Rudolf Ladislav Jan Tibor Kristian Matus",
        "Horvath Balog Kovac Lakatos Olah Berki Dudi Bandi Sarkozi Ferko Gaspar Daniel");

    public static readonly NamePool SouthernEuropean = new("Southern European",
        "Beatriz Mariana Ines Leonor Sofia Giulia Francesca Chiara Martina Lucia Carmen Paula",
        "Joao Tiago Rodrigo Diogo Afonso Luca Marco Matteo Lorenzo Alejandro Pablo Javier",
        "Silva Santos Ferreira Pereira Costa Rodrigues Rossi Russo Ferrari Esposito Garcia Fernandez Martinez Lopez");

    public static readonly NamePool Pakistani = new("Pakistani",
        "Ayesha Fatima Maryam Zainab Hafsa Aleena Amina Khadija Iqra Sana Noor Hira Mahnoor Anaya Eman Zara Sumaya Rukhsana Nadia Shazia Samina Aqsa Mehwish",
        "Muhammad Ibrahim Yusuf Zayn Ayaan Hamza Adam Ali Musa Usman Bilal Imran Tariq Zubair Faisal Asif Hassan Haroon Abdullah Rayyan Zakariya Shahid Waqas",
        "Khan Hussain Ahmed Ali Iqbal Akhtar Mahmood Shah Rehman Malik Butt Raja Riaz Mirza Qureshi Chaudhry Aslam Javed Anwar Rashid Siddique Nawaz Bashir Younis Sadiq Hanif Kauser Arshad");

    public static readonly NamePool Bangladeshi = new("Bangladeshi",
        "Tasnim Nusrat Sumaiya Fahmida Jannat Tahmina Rumana Salma Nasrin Shirin Farhana Afsana Sadia Ruksana Halima Habiba Maliha Sabrina",
        "Mohammed Abdul Rahim Shahid Mizanur Habibur Anwar Jahangir Rubel Sabbir Tanvir Arif Rayhan Nayeem Ashraf Kamal Jamal Shafiq",
        "Begum Miah Uddin Rahman Islam Ahmed Khatun Chowdhury Hoque Hossain Sarkar Talukder Ullah Karim Alam Haque Akter Choudhury");

    public static readonly NamePool Punjabi = new("Punjabi",
        "Harpreet Jaspreet Simran Navneet Manpreet Gurleen Amrit Kiran Rajvir Harleen Jasleen Parminder Sukhdeep Balvinder",
        "Harjit Gurpreet Jaswinder Manjit Hardeep Sukhvinder Jasvir Amarjit Gurdeep Kulwant Harvinder Ranjit Jagdeep Arjun",
        "Singh Kaur Gill Sandhu Dhillon Sidhu Johal Bains Sahota Grewal Atwal Bassi Dhaliwal Virdee Rai");

    public static readonly NamePool Gujarati = new("Gujarati",
        "Priya Anjali Pooja Riya Divya Meera Aarohi Ananya Diya Ishani Kavya Sonia Neha Hetal Nisha Krupa",
        "Arjun Aarav Rohan Vikram Rajesh Sanjay Ravi Amit Sunil Dev Kabir Aryan Ishaan Karan Nikhil Hitesh",
        "Patel Sharma Mistry Chauhan Parmar Joshi Desai Gupta Kumar Shah Mehta Solanki Lad Modi Trivedi Bhatt");

    public static readonly NamePool Afghan = new("Afghan",
        "Parwana Mariam Laila Zahra Farzana Shabnam Nazia Mursal Hasina Malalai Sahar Freshta",
        "Ahmad Farid Mustafa Abdul Rahmatullah Sayed Jawad Hamid Naveed Omid Sami Wahid",
        "Ahmadi Rahimi Popal Sultani Hakimi Karimi Noori Stanikzai Safi Amiri Haidari Mohammadi");

    public static readonly NamePool Tamil = new("Tamil",
        "Tharsika Anjana Keerthana Sharmila Nivetha Priyanka Janani Thulasi Abinaya Kavitha",
        "Tharshan Kajan Suresh Kajanan Dinesh Prakash Ramesh Sivan Arun Mathan",
        "Sivakumar Thevarajah Nadarajah Kanagaratnam Sinnathamby Rajendran Selvarajah Balasubramaniam Yogarajah Pillai");

    public static readonly NamePool Nepali = new("Nepali",
        "Sita Anita Sunita Binita Sabina Pratima Srijana Asmita Kabita Manisha",
        "Bishal Prakash Ramesh Suman Dipesh Rajan Santosh Bikash Anish Sagar",
        "Gurung Tamang Thapa Rai Limbu Magar Shrestha Pun Ghale Adhikari");

    public static readonly NamePool Filipino = new("Filipino",
        "Maricel Angelica Kristine Mary Jasmine Rowena Precious Joy Cherry Princess",
        "Ramon Jose Mark John Paolo Carlo Miguel Jerome Reynaldo Christian",
        "Santos Reyes Cruz Bautista Garcia Mendoza Villanueva Dizon Ramos Aquino Castillo");

    public static readonly NamePool Vietnamese = new("Vietnamese",
        "Linh Hoa Mai Thu Lan Ngoc Anh Huong Trang Vy",
        "Minh Tuan Duc Hung Nam Quang Long Khoa Bao Huy",
        "Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Do");

    public static readonly NamePool WestAfrican = new("West African",
        "Chioma Adaeze Ngozi Amara Folake Temitope Funmilayo Blessing Precious Esther Abena Akosua Efua Adwoa Favour Oluwaseun Zainab Comfort",
        "Chinedu Emeka Obinna Tunde Olumide Adebayo Kwame Kofi Kwabena Yaw Samuel David Emmanuel Daniel Joshua Femi Chidi Tobi",
        "Okafor Okonkwo Adeyemi Adebayo Oyelaran Afolabi Eze Nwosu Obi Mensah Asante Boateng Owusu Agyeman Osei Darko Bamidele Ogunleye");

    public static readonly NamePool Somali = new("Somali",
        "Hodan Ayan Sahra Fadumo Hibo Ifrah Nasra Ubah Deeqa Amran Hamdi Sagal",
        "Abdirahman Abdullahi Mohamed Ahmed Abdi Said Omar Ismail Liban Mahad Yasin Guled",
        "Abdi Ali Hassan Mohamed Warsame Farah Jama Osman Yusuf Nur Hersi Duale Egal Aden");

    public static readonly NamePool EastAfrican = new("East African",
        "Selam Hana Meron Senait Helen Rahel Mahlet Eden Saba Tsion Amal Nyakim",
        "Dawit Yonas Samuel Tesfaye Biniam Robel Henok Filmon Mohamed Omer Deng Gatluak",
        "Tesfay Gebremedhin Haile Kahsay Berhe Tekle Bekele Girma Abdalla Osman Garang Mayen");

    public static readonly NamePool Caribbean = new("Caribbean",
        "Shanice Tanisha Keisha Jade Kerry-Ann Janelle Marcia Simone Aaliyah Amani Nia Jada Sasha Tia Imani Zaria",
        "Jermaine Tyrone Marcus Dwayne Andre Leon Kyle Reuben Darnell Jaden Isaiah Elijah Malachi Nathaniel Levi Kai",
        "Campbell Brown Williams Johnson Thompson Francis Grant Clarke Bailey Reid Richards Henry Gordon Morgan Stewart Lawrence Samuels Barrett");

    public static readonly NamePool Chinese = new("Chinese",
        "Mei Ling Xin Yi Jia Hui Wen Qing Yan Li Xiaoyu Zihan Yuxin Siyu Ka Yan",
        "Wei Jun Hao Jie Ming Chen Zhi Yong Kai Lun Yuxuan Zihao Haoran Ka Ho",
        "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Lin Chan Wong Cheung Lee Ho");

    public static readonly NamePool Arab = new("Arab",
        "Fatima Mariam Layla Nour Yasmin Hana Rania Salma Aya Sara Jana Rahaf Dalia Reem Lina",
        "Ahmed Mohammed Omar Khaled Yousef Ali Hassan Karim Tariq Amir Samir Mahmoud Ibrahim Adnan Walid",
        "Al-Sayed Haddad Hassan Mansour Nasser Saleh Abdullah Al-Amri Khalil Ibrahim Yousef Darwish Qasim Haidar Saeed");

    public static readonly NamePool Kurdish = new("Kurdish",
        "Roza Shilan Dilan Nazdar Berivan Avin Jiyan Hevi Rojin Narin",
        "Rebin Aram Karwan Hawre Dilshad Shvan Baran Azad Hiwa Soran",
        "Ahmed Rasul Abdullah Mahmoud Hamad Aziz Kareem Hussein Omer Salih");

    public static readonly NamePool Iranian = new("Iranian",
        "Parisa Maryam Shirin Nazanin Roya Leila Sara Yasaman Niloufar Mahsa",
        "Reza Ali Amir Mehdi Hossein Dariush Babak Kian Arash Navid",
        "Hosseini Mohammadi Rezaei Ahmadi Karimi Moradi Jafari Rahimi Sadeghi Tehrani");
}
